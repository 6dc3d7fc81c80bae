/**
 * Offline packages (docs/packages.md): the API other modules may use — the installation's signing key
 * ({@link org.fusioncell.exchange.packages.OfflinePackages#installationKey()}, {@code sign}) for their own signed
 * exports (case evidence packages).
 */
@org.springframework.modulith.NamedInterface("packages")
package org.fusioncell.exchange.packages;
