package io.jsupervisor.api;

/**
 * The answer of a tail read: the bytes, the new offset (the file's size) and whether bytes were skipped.
 */
public record LogTail(byte[] data, long offset, boolean overflow) {
}
