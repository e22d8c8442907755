// SPDX-License-Identifier: EUPL-1.2
/**
 * De-Mail (§ 3 (2) EGovG NRW) through a provider's gateway: the citizen's De-Mail address, the
 * channel that sends answers sender-confirmed and personal with confirmations requested (BSI
 * TR-01201 part 3.4), and the check of the provider's attestation on everything that comes back.
 * Internal to the correspondence module.
 */
@NullMarked
package de.openrathaus.correspondence.demail;

import org.jspecify.annotations.NullMarked;
