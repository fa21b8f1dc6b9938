/** The example plugin's implementation; it exports nothing. */
package io.jsupervisor.example.hello.internal;
