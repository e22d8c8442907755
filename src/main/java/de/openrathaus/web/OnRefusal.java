// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a page goes back to when its handler is refused: {@link #value()} is a path in this
 * application that may name the handler's path variables ({@code /backoffice/faelle/{id}}); the
 * {@link Refusal}'s message key is flashed as {@link #flash()} and its first argument as
 * {@code <flash>Argument}, as the templates show them.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OnRefusal {

	/** The page to redirect to, with {@code {name}} for the handler's path variables and an optional {@code #fragment}. */
	String value();

	/** The flash attribute holding the message key. */
	String flash() default "refused";
}
