"""Cards (already cut to Discord's limits by bot.render.card) mapped onto embeds."""

from __future__ import annotations

import discord

from bot.render.card import Card


def embed_of(card: Card) -> discord.Embed:
    embed = discord.Embed(title=card.title, description=card.description or None, colour=card.colour)
    for field in card.fields:
        embed.add_field(name=field.name, value=field.value, inline=field.inline)
    footer = card.footer
    if card.pages > 1:
        footer = f"Page {card.page}/{card.pages} · {footer}" if footer else f"Page {card.page}/{card.pages}"
    if footer:
        embed.set_footer(text=footer[:2048])
    return embed
