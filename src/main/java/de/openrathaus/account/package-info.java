// SPDX-License-Identifier: EUPL-1.2
/**
 * Service accounts (Servicekonto) of citizens and businesses, staff accounts with roles per
 * department, sign-in and trust levels. Other modules learn who is signed in through
 * {@link de.openrathaus.account.SignedInUser} and look accounts up through
 * {@link de.openrathaus.account.AccountDirectory}; they never read passwords or credentials,
 * and this module never logs them.
 */
@NullMarked
package de.openrathaus.account;

import org.jspecify.annotations.NullMarked;
