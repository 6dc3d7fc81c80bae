/**
 * Intelligence requirements (docs/requirements.md): standing priority intelligence requirements set by the cell,
 * broken into collection tasks addressed to agencies, answered by reports that keep their own markings, with
 * coverage and gaps per requirement. Part of the cases module; outcomes of steps are {@link
 * org.fusioncell.cases.CaseStep}s.
 */
package org.fusioncell.cases.requirements;
