/**
 * Framework-free media engine: PDQ perceptual hashes ({@code pdq}), MD5/SHA-256 file digests ({@code digest}), an
 * exact radius index over PDQ hashes ({@code index}) and hash-list import/export ({@code lists}). The JDK only; see
 * docs/media.md.
 */
package org.fusioncell.media;
