package org.fusioncell.assessment;

/**
 * What a product is about. {@code GROUP} and {@code ENTITY} reference an entity id; {@code AREA} an area
 * code (ISO 3166-1 alpha-2 country, or a first-level division as {@code CC-XX}); {@code SECTOR} a target
 * sector of the intake taxonomy; {@code EVENT} and {@code PERIOD} are described by their label and dates.
 * Threat levels are kept per area and per sector.
 */
public enum SubjectType {
    GROUP,
    ENTITY,
    AREA,
    SECTOR,
    EVENT,
    PERIOD
}
