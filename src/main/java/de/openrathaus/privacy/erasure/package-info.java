// SPDX-License-Identifier: EUPL-1.2
/**
 * Erasure requests (Art. 17 GDPR): every module erases its own part through
 * {@link de.openrathaus.personaldata.PersonalDataSource#erase}, all in one transaction; what a retention
 * duty or legal hold keeps is kept and named with its reason, and every erasure is recorded.
 */
@NullMarked
package de.openrathaus.privacy.erasure;

import org.jspecify.annotations.NullMarked;
