"""Greetings, thanks and acknowledgements: a message that is only courtesy asks for nothing."""

from __future__ import annotations

import re

from bot.understanding.requests import Courtesy

_HELLO = frozenset({
    "hi", "hello", "hey", "heya", "hiya", "howdy", "yo", "hallo", "hola", "greetings", "morning",
    "afternoon", "evening", "gm", "sup", "good morning", "good afternoon", "good evening",
    "good day", "bonjour", "salut", "namaste", "buongiorno", "buenos dias", "guten morgen",
    "guten tag", "moin", "whats up", "how are you", "how are you doing", "hows it going", "hello again",
    "hope you are well", "hope youre well", "hope you are doing well", "hope youre doing well",
    "hope all is well", "hope you are good", "hope youre good", "how are things",
    *(f"hope your {time} is going {how}" for time in ("day", "week", "morning", "afternoon")
      for how in ("well", "ok", "okay", "good", "great", "fine")),
})
_THANKS = frozenset({
    "thanks", "thank you", "thank u", "thx", "thnx", "thanx", "ty", "tysm", "ta", "cheers",
    "many thanks", "much appreciated", "appreciated", "appreciate it", "thanks a lot",
    "thanks so much", "thank you so much", "thank you very much", "thanks a million",
    "thanks again", "great thanks", "perfect thanks", "ok thanks", "ok thank you", "nice one",
    # praise for the help is thanks: "you're a lifesaver", "ur the best", "legend"
    *(f"{you} {praise}" for you in ("youre", "you are", "you")
      for praise in ("a lifesaver", "a life saver", "a star", "a legend", "a hero", "the best",
                     "the man", "amazing", "awesome", "a gem", "rock", "rule")),
    "lifesaver", "life saver", "legend", "my hero", "you legend", "you star",
    # thanks in the words other languages lend: "gracias amigo", "merci beaucoup"
    "merci", "merci beaucoup", "danke", "danke schoen", "danke sehr", "vielen dank", "gracias",
    "muchas gracias", "grazie", "grazie mille", "obrigado", "obrigada", "dank je", "dankjewel",
    "thanks a mil",
})
_OK = frozenset({
    "ok", "okay", "k", "kk", "okie", "okie dokie", "okey dokey", "okey", "oki", "cool", "great", "nice", "perfect", "got it", "sounds good",
    "alright", "all right", "fine", "noted", "sure", "whatever", "ok whatever", "fine whatever", "awesome", "brilliant", "lovely", "super",
    "understood", "gotcha", "ack", "excellent", "good", "will do", "roger", "ok cool", "great stuff",
    "thats great", "thats perfect", "thats brilliant", "thats awesome", "thats fine", "that helps",
    "bye", "goodbye", "bye bye", "see you", "see ya", "cya",
    "np", "no problem", "no worries", "no prob", "no probs",  # answering thanks, asking nothing
    "lol", "lool", "haha", "hahaha", "hah", "heh", "hehe", "lmao", "rofl",  # laughed at, no ask
    "thats all", "thats it", "thats everything", "thats all for now", "thats all for today",
    "thats it for now", "thats it for today", "nothing else", "nothing else for now",
    # After a help answer: it worked, which asks for nothing (a change is never read in it).
    "that worked", "it worked", "that works", "it works", "works now", "it works now",
    "that did it", "that did the trick", "did the trick",
    "sorted", "all sorted", "problem solved", "solved it", "working now", "its working now",
    "its working", "all good", "makes sense", "that makes sense", "that helped", "it helped",
    "that was helpful", "very helpful", "helpful", "good to know", "that answers it",
    "that answers my question", "found it", "got it working", "worked", "works",
    # a farewell: "thanks all, have a good weekend"
    *(f"{have} {a} {good} {when}" for have in ("have", "enjoy") for a in ("a", "your")
      for good in ("good", "nice", "great", "lovely") for when in (
          "weekend", "day", "evening", "one", "night", "holiday", "break")),
    *(f"{have} {a} {when}" for have in ("have", "enjoy") for a in ("a", "your", "the")
      for when in ("weekend", "day", "evening", "holiday", "holidays", "break")),
    "speak soon", "talk soon", "talk later", "see you monday", "see you tomorrow",
    # signing off at the end of the day: "logging off, bye", "done for the day"
    "logging off", "logging off now", "logging out", "signing off", "signing off now",
    "signing off for the day", "signing off for today", "logging off for the day",
    "logging off for today", "heading home", "heading home now", "heading off", "off home",
    "done for the day", "done for today", "im done for the day", "im done for today",
    "calling it a day", "thats me for the day", "thats me for today", "thats me done",
    # for a part of the day, or for now: "that's me done for the morning", "i'm off for the day"
    # (not "done for now" alone, which may be said of the ticket in view)
    *(f"{lead} for {when}" for lead in ("done", "im done", "thats me done", "thats me", "im off",
                                        "im finished", "thats me finished", "finished")
      for when in ("the day", "today", "the morning", "this morning", "the afternoon",
                   "this afternoon", "the evening", "tonight", "the night", "the week",
                   "this week", "now") if (lead, when) not in (("done", "now"), ("finished", "now"))),
    "good night", "goodnight", "night", "nite", "gn", "cya tomorrow", "see ya tomorrow",
    "see you later", "later", "ttyl", "catch you later", "laters",
    # asking for a moment: "give me a sec", "brb", "let me check and get back to you"
    *(f"{lead} {moment}" for lead in ("give me a", "gimme a", "one", "just a", "just one",
                                      "wait a", "hang on a", "back in a")
      for moment in ("sec", "second", "min", "minute", "moment", "mo", "tick", "bit")),
    "hang on", "brb", "be right back", "bbiab", "afk",
    *(f"{check}{back}" for check in ("let me check", "let me look", "let me have a look",
                                     "let me take a look", "let me see", "ill check",
                                     "ill have a look", "ill look", "ill take a look")
      for back in ("", " and get back to you", " and come back to you", " and let you know")),
    "ill get back to you", "will get back to you", "get back to you", "ill come back to you",
    "will get back to you shortly", "ill get back to you shortly", "ill let you know",
    # a message sent here by mistake, taken back: "sorry wrong chat", "ignore my last message"
    # (never "wrong person": after a hand-over it says the hand-over was the mistake)
    *(f"{sorry}wrong {where}" for sorry in ("", "sorry ", "oops ", "oops sorry ", "sorry oops ")
      for where in ("chat", "window", "conversation", "convo", "tab", "thread")),
    *(f"{ignore} {what}" for ignore in ("ignore", "please ignore", "pls ignore", "disregard",
                                        "please disregard", "pls disregard")
      for what in ("my last message", "my previous message", "my last msg", "the last message",
                   "that message", "my message", "that msg", "this", "that", "me")),
    "ignore", "please ignore", "pls ignore", "disregard", "please disregard",
    "that wasnt for you", "sorry that wasnt for you", "not for you", "sorry not for you",
    "that was not for you", "sent that to the wrong chat", "sent to the wrong chat",
    "sorry sent that to the wrong chat",
})
_ABOUT = frozenset({
    "who are you", "what are you", "who is this", "who am i talking to", "what is this",
    "whats your name", "what is your name", "is this a bot", "is this a person",
    "is this a human", "is this a real person", "is this ai", "is this an ai",
    *(f"{asked} {what}" for asked in ("are you", "am i talking to", "am i chatting with",
                                      "is this", "are you even")
      for what in ("a bot", "a robot", "human", "a human", "a person", "a real person", "real",
                   "ai", "an ai", "a chatbot", "a computer", "a machine")),
})
"""Asked of the bot about itself: answered by it, never searched in the help documents."""
_ADDRESSED = frozenset({"bot", "ticketflow", "there", "all", "everyone", "team", "mate", "folks",
                        "m8", "mates", "pal", "bro", "man", "dude", "fam", "y'all", "yall",
                        "guys", "so", "very", "much", "a", "lot", "buddy", "bunch", "heaps",
                        "loads", "ton", "tons",  # "thanks a bunch", "thanks heaps"
                        "amigo", "amiga", "amigos",
                        "lol", "haha", "hehe", "lmao", "oh", "ah", "aw",  # "lol ok"
                        "please", "pls", "plz"})  # "give me a second please"
_PICTURES = {"👍": Courtesy.OK, "👌": Courtesy.OK, "✅": Courtesy.OK, "🆗": Courtesy.OK,
             "🎉": Courtesy.OK, "🙌": Courtesy.OK, "💯": Courtesy.OK, "😊": Courtesy.OK,
             "🙂": Courtesy.OK, "😀": Courtesy.OK, "🙏": Courtesy.THANKS, "👋": Courtesy.HELLO,
             "😂": Courtesy.OK, "🤣": Courtesy.OK, "😄": Courtesy.OK, "😁": Courtesy.OK,
             "😅": Courtesy.OK, "😆": Courtesy.OK}
_GRATEFUL = frozenset({"thanks", "thank", "thx", "cheers", "ta", "ty"})
_WORD = re.compile(r"\bm8\b|[a-z]+")
_MORE = re.compile(r"\d|[.!?;,]\s*\w")  # a number, or a sentence after the thanks
_TICKET = re.compile(r"(?:(?<=\bon )|(?<=\bfor )|(?<=\bwith )|(?<=\bfixing )|(?<=\bclosing )"
                     r"|(?<=\bsorting )|(?<=\bresolving ))(?:#|tkt-?\d{4}-)?\d+\b", re.IGNORECASE)
"""The ticket thanks are for ("thanks for fixing 349", "thank you for the update on 397")."""
_BUT = frozenset({"but", "however", "though", "tho", "still", "not", "dont", "doesnt", "isnt",
                  "cant", "wont", "didnt", "again", "nothing"})
"""After thanks for something, words that take the thanks back ("thanks for closing 4 but it
still doesn't work")."""
_KNOWN = _HELLO | _THANKS | _OK | _ABOUT
_OPENING = frozenset(phrase.split()[0] for phrase in _KNOWN) | _ADDRESSED
_VOCABULARY = frozenset(word for phrase in _KNOWN for word in phrase.split()) | _ADDRESSED
_LONGEST = 60  # characters: courtesy is short, and most messages are read no further
_LONGEST_PHRASE = max(len(phrase.split()) for phrase in _KNOWN)


def courtesy(text: str) -> Courtesy | None:
    """What a message made only of courtesy says ("hi 👋", "thanks!", "ok great"), else None."""
    if len(text) > _LONGEST:
        return None
    words = [_plain(w) for w in _WORD.findall(text.lower().replace("'", "").replace("’", ""))]
    words = [part for w in words for part in _SPELLED_OUT.get(w, w).split()]
    if words and words[0] not in _OPENING:
        return None
    if words and _thanks_for(words) and not _MORE.search(_TICKET.sub("", text)) and not (
            _BUT & set(words)):
        return Courtesy.THANKS  # "cheers for sorting that", "thanks for fixing 349 so
        # quickly!" (not "thanks for 4! close it", which asks more after a sentence)
    if any(ch.isdigit() for ch in _MATE.sub("", text)):
        return None  # "✅ 12", "12 works now": about a ticket ("thx m8" is not)
    if not words:
        return next((kind for picture, kind in _PICTURES.items() if picture in text), None)
    said = _phrases(words) or _phrases([w for w in words if w not in _ADDRESSED] or words)
    if said is None:
        return None
    for kind, known in ((Courtesy.ABOUT, _ABOUT), (Courtesy.THANKS, _THANKS),
                        (Courtesy.HELLO, _HELLO), (Courtesy.OK, _OK)):
        if any(phrase in known for phrase in said):
            return kind
    return None


_MATE = re.compile(r"\bm8\b", re.IGNORECASE)
_SPELLED_OUT = {"m8": "mate", "r": "are", "u": "you", "ya": "you", "ur": "youre", "yr": "youre", "thnks": "thanks", "tks": "thanks",
               "thx": "thanks", "thanx": "thanks", "thnx": "thanks"}  # "thx a million"
_STRETCHED = re.compile(r"([a-z])\1{2,}")  # "youuu", "thanksss", "heyyy"


def _thanks_for(words: list[str]) -> bool:
    """"cheers for sorting that", "many thanks for your help", "thank you so much for the
    quick fix": thanks, and what they are for, which asks for nothing more."""
    if words[0] in _GRATEFUL and words[1:2] == ["for"]:
        return True
    return any(" ".join(words[:size]) in _THANKS and words[size:size + 1] == ["for"]
               for size in (4, 3, 2))


def _plain(word: str) -> str:
    """A word typed stretched ("youuu", "sooo", "okkk") as it is spelled, when it is one
    courtesy knows: the stretch undone to one letter or to two ("cool")."""
    if not _STRETCHED.search(word):
        return word
    for letters in (r"\1", r"\1\1"):
        plain = _STRETCHED.sub(letters, word)
        if plain in _VOCABULARY:
            return plain
    return word


def _phrases(words: list[str]) -> list[str] | None:
    """The words as known courtesy phrases, longest first, passing over words that only say
    who is addressed where no phrase starts; None when one word is no courtesy."""
    found: list[str] = []
    index = 0
    while index < len(words):
        for size in range(_LONGEST_PHRASE, 0, -1):
            phrase = " ".join(words[index:index + size])
            if index + size <= len(words) and phrase in _KNOWN:
                found.append(phrase)
                index += size
                break
        else:
            if words[index] not in _ADDRESSED:
                return None
            index += 1  # "thanks all, have a good weekend": who is thanked, then the phrase
    return found
