// SPDX-License-Identifier: EUPL-1.2
/**
 * The register of sealed decisions, their verification codes and revocations, and the public check
 * ({@code /pruefen}, {@code /api/v1/verification}): rate-limited per client, size-limited, PDF bombs
 * refused before DSS reads anything, and answers that name no person.
 */
@NullMarked
package de.openrathaus.seal.verification;

import org.jspecify.annotations.NullMarked;
