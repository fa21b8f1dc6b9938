package io.jsupervisor.ctl.shell;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The reference's "upcheck" ({@code getVersion} before most commands). In-process it cannot fail; a remote
 * client implements it to report a refused connection, a missing socket or a wrong API version.
 */
@ConsumerType
@FunctionalInterface
public interface Upcheck {
    /** The in-process server is always there. */
    Upcheck ALWAYS_UP = Optional::empty;

    /** Empty when the server answers as expected; otherwise the lines and exit status to give. */
    Optional<CtlResult> failure();
}
