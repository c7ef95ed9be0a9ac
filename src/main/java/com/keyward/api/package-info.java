@NullMarked
package com.keyward.api;

import org.jspecify.annotations.NullMarked;
