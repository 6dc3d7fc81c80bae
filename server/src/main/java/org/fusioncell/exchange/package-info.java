/** Exchange between organisations and cells: requests for information, STIX 2.1, TAXII 2.1, offline packages. */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange", allowedDependencies = {"shared", "access", "audit", "identity", "intake", "entities", "monitoring", "assessment"})
package org.fusioncell.exchange;
