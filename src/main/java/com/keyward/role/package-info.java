@NullMarked
package com.keyward.role;

import org.jspecify.annotations.NullMarked;
