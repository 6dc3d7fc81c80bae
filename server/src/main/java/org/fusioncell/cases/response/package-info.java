/**
 * Attack response (docs/response.md): response cases opened from a template in one step — the responding
 * agencies made participants, each agency's checklist turned into case tasks assigned to it, situation reports
 * scheduled on the template's rhythm — with a command-roles board, numbered situation reports carrying
 * casualty figures with their sources, press lines released under four eyes and an after-action review required
 * to close. Part of the cases module: everything is read through the case, under its marking and to its
 * participants only; outcomes of steps are {@link org.fusioncell.cases.CaseStep}s.
 */
package org.fusioncell.cases.response;
