// SPDX-License-Identifier: EUPL-1.2
/**
 * Information security (SPEC C12, the city's commitment to an ISMS): the protection needs of the
 * catalogue's processes and of the IT systems they run on, assessed by the information security officer
 * after BSI standard 200-2 (confidentiality, integrity, availability as normal, high or very high, with
 * reasons) and inherited along the dependencies by the maximum principle; and the ISMS register of the
 * IT-Grundschutz modules applied, with their status. Reads processes through
 * {@link de.openrathaus.catalogue.CatalogueProcesses}; nothing here is read by other modules.
 */
@NullMarked
package de.openrathaus.security;

import org.jspecify.annotations.NullMarked;
