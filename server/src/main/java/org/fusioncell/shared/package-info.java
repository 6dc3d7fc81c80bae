/** Ids, clock, problem details and pagination shared by every module; no business logic here. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.fusioncell.shared;
