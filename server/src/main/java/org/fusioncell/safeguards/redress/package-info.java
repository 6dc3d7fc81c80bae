/**
 * Redress (docs/redress.md): a person wrongly flagged by screening, or their representative, asks through an
 * authorised officer; the case is reviewed with the person's hit history, the outcome recorded, the person
 * cleared of the entries concerned when the request is upheld, and a reply letter made in the person's language.
 */
package org.fusioncell.safeguards.redress;
