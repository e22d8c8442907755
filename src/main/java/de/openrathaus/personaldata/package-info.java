// SPDX-License-Identifier: EUPL-1.2
/**
 * What each module holds about a person, for a data subject's access (Art. 15 GDPR) and erasure
 * (Art. 17) request: a narrow interface every module that keeps personal data implements, so the
 * privacy module assembles the answer and carries out the erasure without reading or changing any
 * other module's tables; and how a module reports a read or change of personal data to the audit trail
 * ({@link de.openrathaus.personaldata.PersonalDataUse}). Depends only on {@code tenancy}.
 */
@NullMarked
package de.openrathaus.personaldata;

import org.jspecify.annotations.NullMarked;
