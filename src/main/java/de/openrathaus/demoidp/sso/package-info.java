// SPDX-License-Identifier: EUPL-1.2
/**
 * Single sign-on and single logout of the demo identity providers: reading and checking signed requests, the page where a test person is chosen, and the signed, encrypted response posted back to the service provider. It refuses every request it cannot verify and never lets a person below the requested level through.
 */
@NullMarked
package de.openrathaus.demoidp.sso;

import org.jspecify.annotations.NullMarked;
