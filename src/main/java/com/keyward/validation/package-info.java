/** The rules for what people type: names, descriptions, and the one way a refusal is reported. */
@NullMarked
package com.keyward.validation;

import org.jspecify.annotations.NullMarked;
