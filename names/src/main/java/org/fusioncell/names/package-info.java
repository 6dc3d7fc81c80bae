/**
 * The framework-free names engine: script detection, Arabic normalisation, transliteration, name
 * parsing, candidate index and explained scoring. Depends on nothing of the server.
 */
package org.fusioncell.names;
