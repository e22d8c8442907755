// SPDX-License-Identifier: EUPL-1.2
/**
 * The municipality's electronic seal on its decisions (§ 3a (3) no. 3a VwVfG) and the public check
 * that a decision is genuine. {@link de.openrathaus.seal.DecisionSeal} marks a document with a
 * verification code (printed on it, also as a QR code), seals it as PAdES with the EU's DSS library
 * (B-LT where revocation data can be had, B-T at least) and registers its hash; the page
 * {@code /pruefen} and the API {@code /api/v1/verification} tell anyone, without sign-in, whether an
 * uploaded PDF or a reference with its code is an unaltered decision of this municipality, and
 * whether it was revoked. Sealing may call a timestamp authority: it must never run inside a
 * database transaction. It must never log a key, a password or a verification code.
 */
@NullMarked
package de.openrathaus.seal;

import org.jspecify.annotations.NullMarked;
