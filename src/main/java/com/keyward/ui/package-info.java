@NullMarked
package com.keyward.ui;

import org.jspecify.annotations.NullMarked;
