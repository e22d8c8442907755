// SPDX-License-Identifier: EUPL-1.2
/**
 * What each module holds about a person, for a data subject's access (Art. 15 GDPR) and erasure
 * (Art. 17) request: a narrow interface every module that keeps personal data implements, so the
 * privacy module assembles the answer and carries out the erasure without reading or changing any
 * other module's tables. Depends on nothing.
 */
@NullMarked
package de.openrathaus.personaldata;

import org.jspecify.annotations.NullMarked;
