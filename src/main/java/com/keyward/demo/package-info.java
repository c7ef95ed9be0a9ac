@NullMarked
package com.keyward.demo;

import org.jspecify.annotations.NullMarked;
