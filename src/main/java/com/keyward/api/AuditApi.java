package com.keyward.api;

import com.keyward.apiset.ApiSetPath;
import com.keyward.audit.AuditEvent;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit API: audit events, newest first (needs View Audit Log). */
@RestController
@RequestMapping(path = ApiSetPath.AUDIT_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit API", description = "Audit events, newest first (needs View Audit Log).")
public class AuditApi {

    private final AuditService audit;

    public AuditApi(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit events, newest first, paged")
    public PageResponse<AuditEvent> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size);
        return new PageResponse<>(
                audit.page(AuditFilter.NONE, PageResponse.offset(page, size), size),
                page,
                size,
                audit.count(AuditFilter.NONE));
    }
}
