package io.jsupervisor.events.internal;

/** Where the pools' messages go, worded as the reference's main log words them. */
interface PoolLog {
    void debug(String message);

    void warn(String message);

    void error(String message);

    PoolLog NONE = new PoolLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }
    };
}
