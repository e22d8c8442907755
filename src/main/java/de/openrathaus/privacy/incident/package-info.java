// SPDX-License-Identifier: EUPL-1.2
/**
 * The security incident register (Art. 33 GDPR): every breach of the protection of personal data is recorded, and
 * the 72 hours from becoming aware of it to notifying the supervisory authority are tracked and warned about.
 */
@NullMarked
package de.openrathaus.privacy.incident;

import org.jspecify.annotations.NullMarked;
