/**
 * What other bundles need to consume JSupervisor's events through OSGi Event Admin: the topics the
 * events bundle posts on and the property keys of those OSGi events ({@link SupervisorEventTopics}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jsupervisor.events;
