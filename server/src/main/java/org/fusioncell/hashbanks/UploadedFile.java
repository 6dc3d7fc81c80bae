package org.fusioncell.hashbanks;

/** A file sent to be hashed: its bytes (already bounded by the web layer) and the name it came with, if any. */
public record UploadedFile(byte[] content, String name) {
}
