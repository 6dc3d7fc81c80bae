package org.fusioncell.assessment;

/** A report or entity the product rests on; the author may cite only what they may see. */
public record EvidenceLink(Type type, String itemId) {

    public enum Type { REPORT, ENTITY }
}
