/** The shared UI shell: layout, navigation, languages (ar/fr/en, RTL), error pages. No business logic. */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.fusioncell.web;
