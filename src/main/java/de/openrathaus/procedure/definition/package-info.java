// SPDX-License-Identifier: EUPL-1.2
/**
 * Procedure types as data: the versioned definition of a procedure's steps, fields, conditions,
 * attachments, trust level, workflow, decision template and fee rule, the rules that check a
 * citizen's answers against it, and the registry that loads shipped definitions into the database.
 */
@NullMarked
package de.openrathaus.procedure.definition;

import org.jspecify.annotations.NullMarked;
