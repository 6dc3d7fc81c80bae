package org.fusioncell.safeguards.redress;

/** The reply letter of a decided request: HTML and PDF, in the person's language ({@code language}). */
public record RedressLetter(String requestId, String language, String html, byte[] pdf) {
}
