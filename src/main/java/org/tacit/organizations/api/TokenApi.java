package org.tacit.organizations.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.internal.TokenService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/** The caller's personal API tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Personal API tokens, used as Authorization: Bearer <token>")
class TokenApi {

	private final TokenService tokens;

	TokenApi(TokenService tokens) {
		this.tokens = tokens;
	}

	record NewToken(String name, Integer expiresInDays) {
	}

	@PostMapping
	@Operation(summary = "Create a token; the secret is in the answer and never shown again")
	ResponseEntity<Views.CreatedToken> create(@RequestBody NewToken request) {
		TokenService.NewToken created = tokens.create(CurrentUser.require().personId(), request.name(),
				request.expiresInDays());
		TokenService.TokenInfo info = created.info();
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + info.id()))
			.body(new Views.CreatedToken(info.id(), info.name(), created.token(), info.hint(), info.createdAt(),
					info.expiresAt()));
	}

	@GetMapping
	@Operation(summary = "The caller's active tokens, newest first (never the secrets)")
	Page<Views.Token> list(Paging paging) {
		List<TokenService.TokenInfo> all = tokens.list(CurrentUser.require().personId());
		List<Views.Token> page = all.stream()
			.skip(paging.offset())
			.limit(paging.size())
			.map(Views.Token::of)
			.toList();
		return paging.of(page, all.size());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		tokens.revoke(CurrentUser.require().personId(), id);
		return ResponseEntity.noContent().build();
	}
}
