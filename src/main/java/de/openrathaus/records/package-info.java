// SPDX-License-Identifier: EUPL-1.2
/**
 * Electronic file (E-Akte, SPEC C4): the file plan, files, cases and documents with immutable,
 * hashed versions, content storage, and an append-only audit trail whose entries are chained by
 * hashes. Submissions of the online procedures are filed here as cases.
 */
@NullMarked
package de.openrathaus.records;

import org.jspecify.annotations.NullMarked;
