// SPDX-License-Identifier: EUPL-1.2
/** The assessment, its inheritance, the ISMS register and their pages; all internal to the module. */
@NullMarked
package de.openrathaus.security.internal;

import org.jspecify.annotations.NullMarked;
