// SPDX-License-Identifier: EUPL-1.2
/**
 * The council office (Ratsbüro) keeps the council's data: bodies, terms, persons, memberships,
 * meetings and agendas, papers with files and consultation sequences, and records results. Every
 * change needs the council office authority; deletions are soft so the OParl API can report them.
 */
@NullMarked
package de.openrathaus.council.office;

import org.jspecify.annotations.NullMarked;
