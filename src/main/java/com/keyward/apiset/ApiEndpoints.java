package com.keyward.apiset;

import java.util.List;

/**
 * The endpoints of Keyward's own API sets, as their OpenAPI documents list them (implemented by
 * the api module, which serves them). Registered sets of other services have none here.
 */
public interface ApiEndpoints {

    /** One operation: method, path template and the document's summary. */
    record Endpoint(String method, String path, String summary) {}

    /** The set's operations, by path then method; empty for a set that is not Keyward's own. */
    List<Endpoint> of(String apiSetCode);
}
