package org.fusioncell.intake;

/** Where something happened: a name, coordinates (WGS 84), or both. */
public record Place(String name, Double latitude, Double longitude) {
}
