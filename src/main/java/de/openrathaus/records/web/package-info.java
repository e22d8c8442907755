// SPDX-License-Identifier: EUPL-1.2
/**
 * The pages of the electronic file for clerks and records managers: file plan, files, cases,
 * documents, search and retention. Controllers only; the rules live in the other sub-packages.
 */
@NullMarked
package de.openrathaus.records.web;

import org.jspecify.annotations.NullMarked;
