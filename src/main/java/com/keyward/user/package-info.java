@NullMarked
package com.keyward.user;

import org.jspecify.annotations.NullMarked;
