/** Ids, clock, problem details, pagination and geographic areas shared by every module; no business logic here. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.fusioncell.shared;
