// SPDX-License-Identifier: EUPL-1.2
/** Storage, filing, audit trail and pages of the electronic file. */
@NullMarked
package de.openrathaus.records.internal;

import org.jspecify.annotations.NullMarked;
