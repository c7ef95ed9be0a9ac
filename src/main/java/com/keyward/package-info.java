@NullMarked
package com.keyward;

import org.jspecify.annotations.NullMarked;
