/**
 * Who is acting: organisations and the agreements between them, users with roles, clearance and
 * caveats, login with a TOTP second factor, personal API tokens and the security configuration.
 * Its API: {@link org.fusioncell.identity.Readers} (the access module's reader for a request),
 * {@link org.fusioncell.identity.Organisations}, {@link org.fusioncell.identity.Agreements} (read-only), {@link org.fusioncell.identity.Colleagues} (display names
 * within one's organisation), {@link org.fusioncell.identity.FusionCellPrincipal} and
 * {@link org.fusioncell.identity.Role}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared", "access", "audit"})
package org.fusioncell.identity;
