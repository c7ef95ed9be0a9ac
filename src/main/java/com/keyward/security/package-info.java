@NullMarked
package com.keyward.security;

import org.jspecify.annotations.NullMarked;
