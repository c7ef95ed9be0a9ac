@NullMarked
package com.keyward.apikey.ui;

import org.jspecify.annotations.NullMarked;
