@NullMarked
package com.keyward.apikey;

import org.jspecify.annotations.NullMarked;
