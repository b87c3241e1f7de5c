window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1674456291747660541"
          ],
          "editableUntil" : "2023-06-29T17:04:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "71"
      ],
      "favorite_count" : "2",
      "id_str" : "1674456291747660541",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1674456291747660541",
      "created_at" : "Thu Jun 29 16:34:24 +0000 2023",
      "favorited" : false,
      "full_text" : "Wave watching is a legitimate hobby and I will not be taking questions.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1673282792248734649"
          ],
          "editableUntil" : "2023-06-26T11:21:20.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Ruaridh Campbell",
            "screen_name" : "RuaridhPhoto",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "1678093420",
            "id" : "1678093420"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "79"
      ],
      "favorite_count" : "5",
      "id_str" : "1673282792248734649",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1673282792248734649",
      "created_at" : "Mon Jun 26 10:51:20 +0000 2023",
      "favorited" : false,
      "full_text" : "@RuaridhPhoto You're welcome any time, bring the tripod &amp; a very warm coat.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1673202514032009094",
      "in_reply_to_status_id" : "1673202514032009094",
      "in_reply_to_user_id" : "1678093420",
      "in_reply_to_user_id_str" : "1678093420",
      "in_reply_to_screen_name" : "RuaridhPhoto"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1671935563871368671"
          ],
          "editableUntil" : "2023-06-22T18:07:56.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "2",
      "id_str" : "1671935563871368671",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1671935563871368671",
      "created_at" : "Thu Jun 22 17:37:56 +0000 2023",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #18: 'tide too low'. Which happens twice a day, every day, and has since the dawn of time.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1670517455034919620"
          ],
          "editableUntil" : "2023-06-18T20:12:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/9eYzyAtNni",
            "expanded_url" : "https://en.wikipedia.org/wiki/Shipping_Forecast",
            "display_url" : "en.wikipedia.org/wiki/Ship…",
            "indices" : [
              "81",
              "104"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "1",
      "id_str" : "1670517455034919620",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1670517455034919620",
      "created_at" : "Sun Jun 18 19:42:52 +0000 2023",
      "favorited" : false,
      "full_text" : "If you've never read the shipping forecast out loud to a cat, you haven't lived. https://t.co/9eYzyAtNni",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1668169305383054190"
          ],
          "editableUntil" : "2023-06-12T08:42:10.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "70"
      ],
      "favorite_count" : "2",
      "id_str" : "1668169305383054190",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1668169305383054190",
      "created_at" : "Mon Jun 12 08:12:10 +0000 2023",
      "favorited" : false,
      "full_text" : "Hail at breakfast, sunshine by ten, a gale by lunch. Standard Tuesday.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1668150947111169987"
          ],
          "editableUntil" : "2023-06-12T07:29:13.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "1",
      "id_str" : "1668150947111169987",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1668150947111169987",
      "created_at" : "Mon Jun 12 06:59:13 +0000 2023",
      "favorited" : false,
      "full_text" : "Midsummer: it barely gets dark here. Grand for the tatties, useless for the telescope.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1668014935824652523"
          ],
          "editableUntil" : "2023-06-11T22:28:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1668014935824652523/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/i483zEygVg",
            "media_url" : "http://pbs.twimg.com/media/NVKvdo1AJruvWwP.jpg",
            "id_str" : "1668014687935781571",
            "id" : "1668014687935781571",
            "media_url_https" : "https://pbs.twimg.com/media/NVKvdo1AJruvWwP.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/i483zEygVg"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "4",
      "id_str" : "1668014935824652523",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1668014935824652523",
      "created_at" : "Sun Jun 11 21:58:45 +0000 2023",
      "favorited" : false,
      "full_text" : "https://t.co/i483zEygVg",
      "lang" : "zxx",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1668014935824652523/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/i483zEygVg",
            "media_url" : "http://pbs.twimg.com/media/NVKvdo1AJruvWwP.jpg",
            "id_str" : "1668014687935781571",
            "id" : "1668014687935781571",
            "media_url_https" : "https://pbs.twimg.com/media/NVKvdo1AJruvWwP.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/i483zEygVg"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1667439352384153464"
          ],
          "editableUntil" : "2023-06-10T08:21:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "1",
      "id_str" : "1667439352384153464",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1667439352384153464",
      "created_at" : "Sat Jun 10 07:51:35 +0000 2023",
      "favorited" : false,
      "full_text" : "Warmest day of the year: 19°C. The island has gone feral. Somebody is in the sea. ON PURPOSE.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1666854745357412166"
          ],
          "editableUntil" : "2023-06-08T17:38:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "132"
      ],
      "favorite_count" : "2",
      "id_str" : "1666854745357412166",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1666854745357412166",
      "created_at" : "Thu Jun 08 17:08:34 +0000 2023",
      "favorited" : false,
      "full_text" : "The fog signal was switched off twenty years ago and visitors still ask me to 'do the foghorn'. I do the noise myself. They love it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1665008042711348072"
          ],
          "editableUntil" : "2023-06-03T15:20:26.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "95"
      ],
      "favorite_count" : "3",
      "id_str" : "1665008042711348072",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1665008042711348072",
      "created_at" : "Sat Jun 03 14:50:26 +0000 2023",
      "favorited" : false,
      "full_text" : "The sea is a colour today I haven't got a word for. Not green, not grey. Pewter with ambitions.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1664750008800627584"
          ],
          "editableUntil" : "2023-06-02T22:15:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "76"
      ],
      "favorite_count" : "0",
      "id_str" : "1664750008800627584",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1664750008800627584",
      "created_at" : "Fri Jun 02 21:45:06 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @dougie_harbour: Harbour's full of mackerel this morning. Bring a bucket.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1664728752353638417"
          ],
          "editableUntil" : "2023-06-02T20:50:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Jo (& the hens)",
            "screen_name" : "hebrideanhen",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "2489965013",
            "id" : "2489965013"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "5",
      "id_str" : "1664728752353638417",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1664728752353638417",
      "created_at" : "Fri Jun 02 20:20:38 +0000 2023",
      "favorited" : false,
      "full_text" : "@hebrideanhen Your hens are laying in this weather? Mine would be filing a complaint.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1664637903266404160",
      "in_reply_to_status_id" : "1664637903266404160",
      "in_reply_to_user_id" : "2489965013",
      "in_reply_to_user_id_str" : "2489965013",
      "in_reply_to_screen_name" : "hebrideanhen"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1662731051327038962"
          ],
          "editableUntil" : "2023-05-28T08:32:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "158"
      ],
      "favorite_count" : "10",
      "id_str" : "1662731051327038962",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1662731051327038962",
      "created_at" : "Sun May 28 08:02:29 +0000 2023",
      "favorited" : false,
      "full_text" : "Bake day: two loaves for me, one for Morag at the shop, one for Dougie at the harbour because he saves me the good spot in the ferry queue. The bread economy.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1661354295219095870"
          ],
          "editableUntil" : "2023-05-24T13:21:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "65"
      ],
      "favorite_count" : "8",
      "id_str" : "1661354295219095870",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1661354295219095870",
      "created_at" : "Wed May 24 12:51:45 +0000 2023",
      "favorited" : false,
      "full_text" : "Razorbills &gt; puffins. There, I said it. Fight me on the jetty.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1661339066117220774"
          ],
          "editableUntil" : "2023-05-24T12:21:14.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "73"
      ],
      "favorite_count" : "6",
      "id_str" : "1661339066117220774",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1661339066117220774",
      "created_at" : "Wed May 24 11:51:14 +0000 2023",
      "favorited" : false,
      "full_text" : "Sat on the cliff with a flask and watched the sea for an hour. Recommend.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1660182076240485886"
          ],
          "editableUntil" : "2023-05-21T07:43:46.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Sky Notes",
            "screen_name" : "northsky_notes",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "3348127790",
            "id" : "3348127790"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "57"
      ],
      "favorite_count" : "14",
      "id_str" : "1660182076240485886",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1660182076240485886",
      "created_at" : "Sun May 21 07:13:46 +0000 2023",
      "favorited" : false,
      "full_text" : "@northsky_notes Clouded out on Skerra, gutted. Next time.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1660152129783933429",
      "in_reply_to_status_id" : "1660152129783933429",
      "in_reply_to_user_id" : "3348127790",
      "in_reply_to_user_id_str" : "3348127790",
      "in_reply_to_screen_name" : "northsky_notes"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1659845856537879743"
          ],
          "editableUntil" : "2023-05-20T09:27:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Lighthouse Lore",
            "screen_name" : "lighthouse_lore",
            "indices" : [
              "3",
              "19"
            ],
            "id_str" : "1502239876",
            "id" : "1502239876"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "0",
      "id_str" : "1659845856537879743",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1659845856537879743",
      "created_at" : "Sat May 20 08:57:45 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @lighthouse_lore: Keepers used to clean the lenses with a mix of spirits and whiting, and wore linen aprons in the lamp room so no wool…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1659843584180590135"
          ],
          "editableUntil" : "2023-05-20T09:18:43.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "126"
      ],
      "favorite_count" : "6",
      "id_str" : "1659843584180590135",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1659843584180590135",
      "created_at" : "Sat May 20 08:48:43 +0000 2023",
      "favorited" : false,
      "full_text" : "Wind's dropped for the first time in nine days and the silence is deafening. Keep checking the windows like something's wrong.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1659636321624170667"
          ],
          "editableUntil" : "2023-05-19T19:35:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Isles Seabird Count",
            "screen_name" : "seabird_survey",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "1129384756",
            "id" : "1129384756"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "3",
      "id_str" : "1659636321624170667",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1659636321624170667",
      "created_at" : "Fri May 19 19:05:08 +0000 2023",
      "favorited" : false,
      "full_text" : "@seabird_survey Fulmars are back on the ledge below the lamp room, at least eight pairs.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1659605116042500605",
      "in_reply_to_status_id" : "1659605116042500605",
      "in_reply_to_user_id" : "1129384756",
      "in_reply_to_user_id_str" : "1129384756",
      "in_reply_to_screen_name" : "seabird_survey"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1657660694212184953"
          ],
          "editableUntil" : "2023-05-14T08:44:42.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "130"
      ],
      "favorite_count" : "3",
      "id_str" : "1657660694212184953",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1657660694212184953",
      "created_at" : "Sun May 14 08:14:42 +0000 2023",
      "favorited" : false,
      "full_text" : "Glorious morning. Sun on the water, gannets diving, not a breath of wind. Somebody write it down, it won't happen again till June.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1657378156249617612"
          ],
          "editableUntil" : "2023-05-13T14:01:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra & Isles Ferries",
            "screen_name" : "SkerraFerries",
            "indices" : [
              "1",
              "15"
            ],
            "id_str" : "3120985536",
            "id" : "3120985536"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "130"
      ],
      "favorite_count" : "1",
      "id_str" : "1657378156249617612",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1657378156249617612",
      "created_at" : "Sat May 13 13:31:59 +0000 2023",
      "favorited" : false,
      "full_text" : "\"@SkerraFerries: Due to adverse weather conditions the 0730 sailing is cancelled.\" Adverse weather = a light breeze from the east.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1657303047349393347"
          ],
          "editableUntil" : "2023-05-13T09:03:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "1",
      "id_str" : "1657303047349393347",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1657303047349393347",
      "created_at" : "Sat May 13 08:33:32 +0000 2023",
      "favorited" : false,
      "full_text" : "Wind: N 4. Sea: slight. Hat: not even risking it. Kettle on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1657075459746779798"
          ],
          "editableUntil" : "2023-05-12T17:59:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Isles Seabird Count",
            "screen_name" : "seabird_survey",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "1129384756",
            "id" : "1129384756"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1657075459746779798",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1657075459746779798",
      "created_at" : "Fri May 12 17:29:11 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @seabird_survey: Volunteers needed for this year's puffin count on Skerra and the outer stacks! Training provided, waterproofs essential.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1656927083721659981"
          ],
          "editableUntil" : "2023-05-12T08:09:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Isles Seabird Count",
            "screen_name" : "seabird_survey",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "1129384756",
            "id" : "1129384756"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "1",
      "id_str" : "1656927083721659981",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1656927083721659981",
      "created_at" : "Fri May 12 07:39:35 +0000 2023",
      "favorited" : false,
      "full_text" : "@seabird_survey Counted 212 on the west stack this morning! Up on last year, I think?",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1656915757027541129",
      "in_reply_to_status_id" : "1656915757027541129",
      "in_reply_to_user_id" : "1129384756",
      "in_reply_to_user_id_str" : "1129384756",
      "in_reply_to_screen_name" : "seabird_survey"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1655928172272944382"
          ],
          "editableUntil" : "2023-05-09T14:00:16.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "127"
      ],
      "favorite_count" : "1",
      "id_str" : "1655928172272944382",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1655928172272944382",
      "created_at" : "Tue May 09 13:30:16 +0000 2023",
      "favorited" : false,
      "full_text" : "Barnacle is 10 today! Double figures. He celebrated by sleeping for fourteen hours, which is also how he celebrates Tuesdays. 🎂",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1654981297704894306"
          ],
          "editableUntil" : "2023-05-06T23:17:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "5",
      "id_str" : "1654981297704894306",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1654981297704894306",
      "created_at" : "Sat May 06 22:47:44 +0000 2023",
      "favorited" : false,
      "full_text" : "Moonrise over the water tonight, enormous and orange. Whole sea turned to copper.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1654594751936877851"
          ],
          "editableUntil" : "2023-05-05T21:41:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "19",
      "id_str" : "1654594751936877851",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1654594751936877851",
      "created_at" : "Fri May 05 21:11:44 +0000 2023",
      "favorited" : false,
      "full_text" : "Post came today! First in eight days. Three bills, a seed catalogue and a postcard from my sister in Lisbon. Envy.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1654380888467870002"
          ],
          "editableUntil" : "2023-05-05T07:31:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "3",
      "id_str" : "1654380888467870002",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1654380888467870002",
      "created_at" : "Fri May 05 07:01:55 +0000 2023",
      "favorited" : false,
      "full_text" : "Bread's come out flat as a pancake. I'm blaming the barometer. I blame the barometer for most things.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1653886410520775713"
          ],
          "editableUntil" : "2023-05-03T22:47:02.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "64"
      ],
      "favorite_count" : "2",
      "id_str" : "1653886410520775713",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1653886410520775713",
      "created_at" : "Wed May 03 22:17:02 +0000 2023",
      "favorited" : false,
      "full_text" : "Barnacle vs the hoover: round 47. The hoover remains undefeated.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1650647263578038178"
          ],
          "editableUntil" : "2023-04-25T00:15:49.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "112"
      ],
      "favorite_count" : "5",
      "id_str" : "1650647263578038178",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1650647263578038178",
      "created_at" : "Mon Apr 24 23:45:49 +0000 2023",
      "favorited" : false,
      "full_text" : "Spotted the ISS going over, bright as anything, right across the beam. Waved. Pretty sure they didn't wave back.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1650267884504714722"
          ],
          "editableUntil" : "2023-04-23T23:08:18.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "aurora",
            "indices" : [
              "105",
              "112"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "112"
      ],
      "favorite_count" : "2",
      "id_str" : "1650267884504714722",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1650267884504714722",
      "created_at" : "Sun Apr 23 22:38:18 +0000 2023",
      "favorited" : false,
      "full_text" : "Another aurora! Red this time, right up to the zenith. Barnacle was not impressed. I was VERY impressed. #aurora",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1650201040247158941"
          ],
          "editableUntil" : "2023-04-23T18:42:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Sky Notes",
            "screen_name" : "northsky_notes",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "3348127790",
            "id" : "3348127790"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1650201040247158941",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1650201040247158941",
      "created_at" : "Sun Apr 23 18:12:41 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @northsky_notes: Strong geomagnetic activity expected tonight. If skies are clear, look north after dark. Aurora possible across the nor…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1645788965257147921"
          ],
          "editableUntil" : "2023-04-11T14:30:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "92"
      ],
      "favorite_count" : "1",
      "id_str" : "1645788965257147921",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1645788965257147921",
      "created_at" : "Tue Apr 11 14:00:41 +0000 2023",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #17: a sheep on the car deck. Don't ask me how. Nobody knows how.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1643397030334208413"
          ],
          "editableUntil" : "2023-04-05T00:05:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "1",
      "id_str" : "1643397030334208413",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1643397030334208413",
      "created_at" : "Tue Apr 04 23:35:59 +0000 2023",
      "favorited" : false,
      "full_text" : "Venus blazing in the west after sunset. Three people on the ferry asked me if it was a plane.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1642486017003378918"
          ],
          "editableUntil" : "2023-04-02T11:45:57.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "61"
      ],
      "favorite_count" : "1",
      "id_str" : "1642486017003378918",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1642486017003378918",
      "created_at" : "Sun Apr 02 11:15:57 +0000 2023",
      "favorited" : false,
      "full_text" : "Ten years on Skerra today. Came for a six-month contract. Ha.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1642453754994951108"
          ],
          "editableUntil" : "2023-04-02T09:37:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "73"
      ],
      "favorite_count" : "1",
      "id_str" : "1642453754994951108",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1642453754994951108",
      "created_at" : "Sun Apr 02 09:07:45 +0000 2023",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #16: the ramp. Again. The ramp is our nemesis.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1639021669886263207"
          ],
          "editableUntil" : "2023-03-23T22:19:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "1",
      "id_str" : "1639021669886263207",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1639021669886263207",
      "created_at" : "Thu Mar 23 21:49:52 +0000 2023",
      "favorited" : false,
      "full_text" : "Barnacle has a new nemesis and it is a crisp packet that blew in under the door.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1638072694012823065"
          ],
          "editableUntil" : "2023-03-21T07:28:58.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "68"
      ],
      "favorite_count" : "14",
      "id_str" : "1638072694012823065",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1638072694012823065",
      "created_at" : "Tue Mar 21 06:58:58 +0000 2023",
      "favorited" : false,
      "full_text" : "Wind: SE 6, gusting 7. Sea: rough. Hat: on, held down with one hand.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1637788536465509311"
          ],
          "editableUntil" : "2023-03-20T12:39:50.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra & Isles Ferries",
            "screen_name" : "SkerraFerries",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "3120985536",
            "id" : "3120985536"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1637788536465509311",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1637788536465509311",
      "created_at" : "Mon Mar 20 12:09:50 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @SkerraFerries: SERVICE UPDATE: Due to adverse weather conditions all sailings between Porthmorrow and Skerra are cancelled for the rest…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1636666059915146173"
          ],
          "editableUntil" : "2023-03-17T10:19:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "59"
      ],
      "favorite_count" : "1",
      "id_str" : "1636666059915146173",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1636666059915146173",
      "created_at" : "Fri Mar 17 09:49:31 +0000 2023",
      "favorited" : false,
      "full_text" : "Yellow warning for wind. On Skerra we call that 'Thursday'.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1635770063472641266"
          ],
          "editableUntil" : "2023-03-14T22:59:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/e7Yz000MNw",
            "expanded_url" : "https://en.wikipedia.org/wiki/Aurora",
            "display_url" : "en.wikipedia.org/wiki/Auro…",
            "indices" : [
              "0",
              "23"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "2",
      "id_str" : "1635770063472641266",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1635770063472641266",
      "created_at" : "Tue Mar 14 22:29:08 +0000 2023",
      "favorited" : false,
      "full_text" : "https://t.co/e7Yz000MNw",
      "lang" : "zxx",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1634207642957377974"
          ],
          "editableUntil" : "2023-03-10T15:30:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1634207642957377974",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1634207642957377974",
      "created_at" : "Fri Mar 10 15:00:38 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @fiona_weathers: Pressure chart for tomorrow is a thing of beauty. Isobars like a fingerprint. If you live on an island, get the bread i…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1633199859685161610"
          ],
          "editableUntil" : "2023-03-07T20:46:04.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "1",
      "id_str" : "1633199859685161610",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1633199859685161610",
      "created_at" : "Tue Mar 07 20:16:04 +0000 2023",
      "favorited" : false,
      "full_text" : "Some nights the beam goes round and round and I think about all the keepers before me watching the same sea. One link in a very long chain.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1631744204515814131"
          ],
          "editableUntil" : "2023-03-03T20:21:49.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "1",
      "id_str" : "1631744204515814131",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1631744204515814131",
      "created_at" : "Fri Mar 03 19:51:49 +0000 2023",
      "favorited" : false,
      "full_text" : "3. Be patient with the clouds. Most nights are cloudy. The clear ones are worth it. Clear skies, M. ✨",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1631743492331095194",
      "in_reply_to_status_id" : "1631743492331095194",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1631743492331095194"
          ],
          "editableUntil" : "2023-03-03T20:18:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "151"
      ],
      "favorite_count" : "22",
      "id_str" : "1631743492331095194",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1631743492331095194",
      "created_at" : "Fri Mar 03 19:48:59 +0000 2023",
      "favorited" : false,
      "full_text" : "2. Get a red torch (or red cellophane over a normal one). Learn one constellation properly, Orion in winter or the Plough any time, and hop from there.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1631742884830029620",
      "in_reply_to_status_id" : "1631742884830029620",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1631742884830029620"
          ],
          "editableUntil" : "2023-03-03T20:16:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "130"
      ],
      "favorite_count" : "2",
      "id_str" : "1631742884830029620",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1631742884830029620",
      "created_at" : "Fri Mar 03 19:46:34 +0000 2023",
      "favorited" : false,
      "full_text" : "1. You don't need a telescope. Binoculars and somewhere dark do 90% of it. Give your eyes 20 minutes and DON'T look at your phone.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1631742485745175807",
      "in_reply_to_status_id" : "1631742485745175807",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1631742485745175807"
          ],
          "editableUntil" : "2023-03-03T20:14:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "1",
      "id_str" : "1631742485745175807",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1631742485745175807",
      "created_at" : "Fri Mar 03 19:44:59 +0000 2023",
      "favorited" : false,
      "full_text" : "Beginner stargazing thread, because lots of you are new here since the aurora. Hello! 🔭",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1631581475036251634"
          ],
          "editableUntil" : "2023-03-03T09:35:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra Island Shop",
            "screen_name" : "morags_shop",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "4012277365",
            "id" : "4012277365"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "69"
      ],
      "favorite_count" : "2",
      "id_str" : "1631581475036251634",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1631581475036251634",
      "created_at" : "Fri Mar 03 09:05:11 +0000 2023",
      "favorited" : false,
      "full_text" : "@morags_shop Save me two pints if it comes in? I'll bring you a loaf.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1631507740230314921",
      "in_reply_to_status_id" : "1631507740230314921",
      "in_reply_to_user_id" : "4012277365",
      "in_reply_to_user_id_str" : "4012277365",
      "in_reply_to_screen_name" : "morags_shop"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1631013058679966355"
          ],
          "editableUntil" : "2023-03-01T19:56:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "143"
      ],
      "favorite_count" : "3",
      "id_str" : "1631013058679966355",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1631013058679966355",
      "created_at" : "Wed Mar 01 19:26:30 +0000 2023",
      "favorited" : false,
      "full_text" : "Venus and Jupiter practically touching in the west tonight, two lamps hung side by side. Showed the ferry crew from the pier. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1630167523527531467"
          ],
          "editableUntil" : "2023-02-27T11:56:39.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Ruaridh Campbell",
            "screen_name" : "RuaridhPhoto",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "1678093420",
            "id" : "1678093420"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "0",
      "id_str" : "1630167523527531467",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1630167523527531467",
      "created_at" : "Mon Feb 27 11:26:39 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @RuaridhPhoto: Skerra light under the aurora last night. One of those nights you don't forget.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1630116215196690824"
          ],
          "editableUntil" : "2023-02-27T08:32:46.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1630116215196690824/photo/1",
            "indices" : [
              "85",
              "108"
            ],
            "url" : "https://t.co/504NRuu84a",
            "media_url" : "http://pbs.twimg.com/media/w15hxVM9eARP62F.jpg",
            "id_str" : "1630115964475531028",
            "id" : "1630115964475531028",
            "media_url_https" : "https://pbs.twimg.com/media/w15hxVM9eARP62F.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/504NRuu84a"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "108"
      ],
      "favorite_count" : "233",
      "id_str" : "1630116215196690824",
      "truncated" : false,
      "retweet_count" : "37",
      "id" : "1630116215196690824",
      "created_at" : "Mon Feb 27 08:02:46 +0000 2023",
      "favorited" : false,
      "full_text" : "Last night's aurora, once I'd stopped shrieking long enough to hold the phone still. https://t.co/504NRuu84a",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1630116215196690824/photo/1",
            "indices" : [
              "85",
              "108"
            ],
            "url" : "https://t.co/504NRuu84a",
            "media_url" : "http://pbs.twimg.com/media/w15hxVM9eARP62F.jpg",
            "id_str" : "1630115964475531028",
            "id" : "1630115964475531028",
            "media_url_https" : "https://pbs.twimg.com/media/w15hxVM9eARP62F.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/504NRuu84a"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1629995625616925685"
          ],
          "editableUntil" : "2023-02-27T00:33:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1629995625616925685/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/gUN3M7QPli",
            "media_url" : "http://pbs.twimg.com/media/oSPWJejqqpw7eKE.jpg",
            "id_str" : "1629995591904500658",
            "id" : "1629995591904500658",
            "media_url_https" : "https://pbs.twimg.com/media/oSPWJejqqpw7eKE.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/gUN3M7QPli"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "1",
      "id_str" : "1629995625616925685",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1629995625616925685",
      "created_at" : "Mon Feb 27 00:03:35 +0000 2023",
      "favorited" : false,
      "full_text" : "https://t.co/gUN3M7QPli",
      "lang" : "zxx",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1629995625616925685/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/gUN3M7QPli",
            "media_url" : "http://pbs.twimg.com/media/oSPWJejqqpw7eKE.jpg",
            "id_str" : "1629995591904500658",
            "id" : "1629995591904500658",
            "media_url_https" : "https://pbs.twimg.com/media/oSPWJejqqpw7eKE.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/gUN3M7QPli"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1629947194677150016"
          ],
          "editableUntil" : "2023-02-26T21:21:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "aurora",
            "indices" : [
              "115",
              "122"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "412",
      "id_str" : "1629947194677150016",
      "truncated" : false,
      "retweet_count" : "88",
      "id" : "1629947194677150016",
      "created_at" : "Sun Feb 26 20:51:08 +0000 2023",
      "favorited" : false,
      "full_text" : "AURORA!!! GO OUTSIDE. IF YOU'RE ANYWHERE NORTH OF ANYWHERE, GO OUTSIDE NOW. Pillars right over the lighthouse. ✨✨✨ #aurora",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1626711269542642978"
          ],
          "editableUntil" : "2023-02-17T23:02:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "78"
      ],
      "favorite_count" : "8",
      "id_str" : "1626711269542642978",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1626711269542642978",
      "created_at" : "Fri Feb 17 22:32:44 +0000 2023",
      "favorited" : false,
      "full_text" : "Cloudy. Cloudy. Cloudy. Cloudy. Clear (I was asleep). Cloudy. That's the week.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1626166580170877454"
          ],
          "editableUntil" : "2023-02-16T10:58:20.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "126"
      ],
      "favorite_count" : "2",
      "id_str" : "1626166580170877454",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1626166580170877454",
      "created_at" : "Thu Feb 16 10:28:20 +0000 2023",
      "favorited" : false,
      "full_text" : "Power's off, storm's still on. Candles, tea on the camping stove, shipping forecast on the wind-up radio. Honestly quite cosy.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1624761093688146982"
          ],
          "editableUntil" : "2023-02-12T13:53:25.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "124"
      ],
      "favorite_count" : "2",
      "id_str" : "1624761093688146982",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1624761093688146982",
      "created_at" : "Sun Feb 12 13:23:25 +0000 2023",
      "favorited" : false,
      "full_text" : "Barnacle and the big herring gull have reached some kind of ceasefire. Neither looks at the other. Like divorced neighbours.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1623310310696933092"
          ],
          "editableUntil" : "2023-02-08T13:48:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "84"
      ],
      "favorite_count" : "1",
      "id_str" : "1623310310696933092",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1623310310696933092",
      "created_at" : "Wed Feb 08 13:18:32 +0000 2023",
      "favorited" : false,
      "full_text" : "@dougie_harbour Tell the skipper there's a loaf with his name on it if the 4pm runs.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1623285648565469629",
      "in_reply_to_status_id" : "1623285648565469629",
      "in_reply_to_user_id" : "2318840771",
      "in_reply_to_user_id_str" : "2318840771",
      "in_reply_to_screen_name" : "dougie_harbour"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1621186238674577332"
          ],
          "editableUntil" : "2023-02-02T17:08:14.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Caturday",
            "indices" : [
              "36",
              "45"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1621186238674577332/photo/1",
            "indices" : [
              "46",
              "69"
            ],
            "url" : "https://t.co/wFxmrWTe2j",
            "media_url" : "http://pbs.twimg.com/media/t2DGV1cmB9MZfG6.jpg",
            "id_str" : "1621185871653636946",
            "id" : "1621185871653636946",
            "media_url_https" : "https://pbs.twimg.com/media/t2DGV1cmB9MZfG6.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/wFxmrWTe2j"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "69"
      ],
      "favorite_count" : "2",
      "id_str" : "1621186238674577332",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1621186238674577332",
      "created_at" : "Thu Feb 02 16:38:14 +0000 2023",
      "favorited" : false,
      "full_text" : "Assistant Keeper Barnacle, on duty. #Caturday https://t.co/wFxmrWTe2j",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1621186238674577332/photo/1",
            "indices" : [
              "46",
              "69"
            ],
            "url" : "https://t.co/wFxmrWTe2j",
            "media_url" : "http://pbs.twimg.com/media/t2DGV1cmB9MZfG6.jpg",
            "id_str" : "1621185871653636946",
            "id" : "1621185871653636946",
            "media_url_https" : "https://pbs.twimg.com/media/t2DGV1cmB9MZfG6.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/wFxmrWTe2j"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1620908543050779036"
          ],
          "editableUntil" : "2023-02-01T22:44:46.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Porthmorrow Astronomical Society",
            "screen_name" : "PorthAstroSoc",
            "indices" : [
              "1",
              "15"
            ],
            "id_str" : "1436620017",
            "id" : "1436620017"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "135"
      ],
      "favorite_count" : "4",
      "id_str" : "1620908543050779036",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1620908543050779036",
      "created_at" : "Wed Feb 01 22:14:46 +0000 2023",
      "favorited" : false,
      "full_text" : "“@PorthAstroSoc: Anyone managed to spot the comet yet?” Yes! From the lighthouse garden, binoculars, just after 10pm. Tiny &amp; green.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1620733360977813435"
          ],
          "editableUntil" : "2023-02-01T11:08:39.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Sourdough",
            "indices" : [
              "129",
              "139"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "1",
      "id_str" : "1620733360977813435",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1620733360977813435",
      "created_at" : "Wed Feb 01 10:38:39 +0000 2023",
      "favorited" : false,
      "full_text" : "Shaped four loaves tonight for the ceilidh tomorrow. The whole kitchen is proving baskets and flour. Barnacle has been banished. #Sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1620175093471007316"
          ],
          "editableUntil" : "2023-01-30T22:10:18.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "CometZTF",
            "indices" : [
              "116",
              "125"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "125"
      ],
      "favorite_count" : "1",
      "id_str" : "1620175093471007316",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1620175093471007316",
      "created_at" : "Mon Jan 30 21:40:18 +0000 2023",
      "favorited" : false,
      "full_text" : "Found the green comet! Fuzzy little smudge near Polaris, binoculars only. Last time it came by there were mammoths. #CometZTF",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1620161217251985982"
          ],
          "editableUntil" : "2023-01-30T21:15:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "110"
      ],
      "favorite_count" : "1",
      "id_str" : "1620161217251985982",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1620161217251985982",
      "created_at" : "Mon Jan 30 20:45:09 +0000 2023",
      "favorited" : false,
      "full_text" : "Every morning Barnacle sits at the top of the tower stairs and supervises the sunrise. Very diligent about it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1619675722667666737"
          ],
          "editableUntil" : "2023-01-29T13:05:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "4",
      "id_str" : "1619675722667666737",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1619675722667666737",
      "created_at" : "Sun Jan 29 12:35:59 +0000 2023",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #15: the skipper's daughter's wedding. Congratulations Kirsty! 🎉",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1619644301338153234"
          ],
          "editableUntil" : "2023-01-29T11:01:07.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Tamsin T.",
            "screen_name" : "tamsin_tregenna",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "2750113094",
            "id" : "2750113094"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "98"
      ],
      "favorite_count" : "6",
      "id_str" : "1619644301338153234",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1619644301338153234",
      "created_at" : "Sun Jan 29 10:31:07 +0000 2023",
      "favorited" : false,
      "full_text" : "@tamsin_tregenna Lisbon looks glorious. Send sunshine. Send it by post, it might arrive by Easter.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1619568300884379270",
      "in_reply_to_status_id" : "1619568300884379270",
      "in_reply_to_user_id" : "2750113094",
      "in_reply_to_user_id_str" : "2750113094",
      "in_reply_to_screen_name" : "tamsin_tregenna"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1619396290609557214"
          ],
          "editableUntil" : "2023-01-28T18:35:37.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Sky Notes",
            "screen_name" : "northsky_notes",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "3348127790",
            "id" : "3348127790"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "0",
      "id_str" : "1619396290609557214",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1619396290609557214",
      "created_at" : "Sat Jan 28 18:05:37 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @northsky_notes: Comet C/2022 E3 (ZTF) is now an easy binocular object for northern observers, passing close to Polaris this week. Look…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1619219093713961017"
          ],
          "editableUntil" : "2023-01-28T06:51:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "108"
      ],
      "favorite_count" : "5",
      "id_str" : "1619219093713961017",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1619219093713961017",
      "created_at" : "Sat Jan 28 06:21:30 +0000 2023",
      "favorited" : false,
      "full_text" : "Frost on the gallery rail this morning, which means it was clear last night, which I slept through. Typical.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1617054299079096615"
          ],
          "editableUntil" : "2023-01-22T07:29:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "110"
      ],
      "favorite_count" : "1",
      "id_str" : "1617054299079096615",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1617054299079096615",
      "created_at" : "Sun Jan 22 06:59:22 +0000 2023",
      "favorited" : false,
      "full_text" : "There's a particular grey the sky goes before a big blow. Slate with a bit of green in it. It's that grey now.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1616792514213848043"
          ],
          "editableUntil" : "2023-01-21T14:09:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Jo (& the hens)",
            "screen_name" : "hebrideanhen",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "2489965013",
            "id" : "2489965013"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "48"
      ],
      "favorite_count" : "1",
      "id_str" : "1616792514213848043",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1616792514213848043",
      "created_at" : "Sat Jan 21 13:39:08 +0000 2023",
      "favorited" : false,
      "full_text" : "@hebrideanhen Eggs for bread, same as always? ❤️",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1616718273970001889",
      "in_reply_to_status_id" : "1616718273970001889",
      "in_reply_to_user_id" : "2489965013",
      "in_reply_to_user_id_str" : "2489965013",
      "in_reply_to_screen_name" : "hebrideanhen"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1615978610938322184"
          ],
          "editableUntil" : "2023-01-19T08:14:58.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "2",
      "id_str" : "1615978610938322184",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1615978610938322184",
      "created_at" : "Thu Jan 19 07:44:58 +0000 2023",
      "favorited" : false,
      "full_text" : "0900 obs sent: visibility 200m, drizzle, wind light. Weather-speak for 'damp and sulking'.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1615846914857874206"
          ],
          "editableUntil" : "2023-01-18T23:31:40.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "124"
      ],
      "favorite_count" : "3",
      "id_str" : "1615846914857874206",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1615846914857874206",
      "created_at" : "Wed Jan 18 23:01:40 +0000 2023",
      "favorited" : false,
      "full_text" : "Clouds rolled in the exact minute I finished collimating the telescope. The universe has a sense of humour and it's rubbish.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1614558636930302701"
          ],
          "editableUntil" : "2023-01-15T10:12:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "3",
      "id_str" : "1614558636930302701",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1614558636930302701",
      "created_at" : "Sun Jan 15 09:42:30 +0000 2023",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #14: the new mate got lost. On the boat.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1612442195061312790"
          ],
          "editableUntil" : "2023-01-09T14:02:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "1",
      "id_str" : "1612442195061312790",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1612442195061312790",
      "created_at" : "Mon Jan 09 13:32:31 +0000 2023",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #13: a pod of dolphins in the harbour mouth and the skipper 'didn't want to disturb them'.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1611993751502623660"
          ],
          "editableUntil" : "2023-01-08T08:20:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "100"
      ],
      "favorite_count" : "2",
      "id_str" : "1611993751502623660",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1611993751502623660",
      "created_at" : "Sun Jan 08 07:50:34 +0000 2023",
      "favorited" : false,
      "full_text" : "First loaf of the year and it's a good one. Crackly crust, open crumb, still warm. January sorted. 🍞",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1611311554744653427"
          ],
          "editableUntil" : "2023-01-06T11:09:46.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "109"
      ],
      "favorite_count" : "1",
      "id_str" : "1611311554744653427",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1611311554744653427",
      "created_at" : "Fri Jan 06 10:39:46 +0000 2023",
      "favorited" : false,
      "full_text" : "Wind: N 10, gusting 11. Sea: very high. Hat: gone. That's hat number 2 of 2023 to the Atlantic. 🎩🌊 Kettle on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1610009030002049484"
          ],
          "editableUntil" : "2023-01-02T20:53:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "105"
      ],
      "favorite_count" : "2",
      "id_str" : "1610009030002049484",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1610009030002049484",
      "created_at" : "Mon Jan 02 20:23:59 +0000 2023",
      "favorited" : false,
      "full_text" : "Quiz night at the hall. Our team ('Lost at Sea') came second, beaten by the schoolteacher's team. As per.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1609825459132618980"
          ],
          "editableUntil" : "2023-01-02T08:44:33.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "3",
      "id_str" : "1609825459132618980",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1609825459132618980",
      "created_at" : "Mon Jan 02 08:14:33 +0000 2023",
      "favorited" : false,
      "full_text" : "Wind: NE 6, gusting 8. Sea: rough. Hat: not even risking it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1609496278244628018"
          ],
          "editableUntil" : "2023-01-01T10:56:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "108"
      ],
      "favorite_count" : "1",
      "id_str" : "1609496278244628018",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1609496278244628018",
      "created_at" : "Sun Jan 01 10:26:30 +0000 2023",
      "favorited" : false,
      "full_text" : "Wind: N 7, gusting 9. Sea: very rough. Hat: gone. That's hat number 1 of 2023 to the Atlantic. 🎩🌊 Kettle on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1608095983321345939"
          ],
          "editableUntil" : "2022-12-28T14:12:14.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "StormWatch",
            "indices" : [
              "47",
              "58"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1608095983321345939/photo/1",
            "indices" : [
              "59",
              "82"
            ],
            "url" : "https://t.co/dZz2VihubO",
            "media_url" : "http://pbs.twimg.com/media/6ThnyAVpZ-e6wPh.jpg",
            "id_str" : "1608095933173763074",
            "id" : "1608095933173763074",
            "media_url_https" : "https://pbs.twimg.com/media/6ThnyAVpZ-e6wPh.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/dZz2VihubO"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "82"
      ],
      "favorite_count" : "1",
      "id_str" : "1608095983321345939",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1608095983321345939",
      "created_at" : "Wed Dec 28 13:42:14 +0000 2022",
      "favorited" : false,
      "full_text" : "What the sea did to the breakwater last night. #StormWatch https://t.co/dZz2VihubO",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1608095983321345939/photo/1",
            "indices" : [
              "59",
              "82"
            ],
            "url" : "https://t.co/dZz2VihubO",
            "media_url" : "http://pbs.twimg.com/media/6ThnyAVpZ-e6wPh.jpg",
            "id_str" : "1608095933173763074",
            "id" : "1608095933173763074",
            "media_url_https" : "https://pbs.twimg.com/media/6ThnyAVpZ-e6wPh.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/dZz2VihubO"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1607445729563465341"
          ],
          "editableUntil" : "2022-12-26T19:08:21.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "119"
      ],
      "favorite_count" : "3",
      "id_str" : "1607445729563465341",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1607445729563465341",
      "created_at" : "Mon Dec 26 18:38:21 +0000 2022",
      "favorited" : false,
      "full_text" : "Barnacle sat by the door for ten minutes wanting out, put one paw into the gale, and turned straight round. Same, mate.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1606766704808834926"
          ],
          "editableUntil" : "2022-12-24T22:10:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "113"
      ],
      "favorite_count" : "52",
      "id_str" : "1606766704808834926",
      "truncated" : false,
      "retweet_count" : "7",
      "id" : "1606766704808834926",
      "created_at" : "Sat Dec 24 21:40:09 +0000 2022",
      "favorited" : false,
      "full_text" : "Wrote the annual maintenance report. Main findings: everything is rusty, everything is salty, everything is fine.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1605930169862071476"
          ],
          "editableUntil" : "2022-12-22T14:46:03.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1605930169862071476/photo/1",
            "indices" : [
              "79",
              "102"
            ],
            "url" : "https://t.co/gi6HPNTeSg",
            "media_url" : "http://pbs.twimg.com/media/Y0gtoTBqinOeWCw.jpg",
            "id_str" : "1605929939623955502",
            "id" : "1605929939623955502",
            "media_url_https" : "https://pbs.twimg.com/media/Y0gtoTBqinOeWCw.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/gi6HPNTeSg"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "102"
      ],
      "favorite_count" : "1",
      "id_str" : "1605930169862071476",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1605930169862071476",
      "created_at" : "Thu Dec 22 14:16:03 +0000 2022",
      "favorited" : false,
      "full_text" : "Moonrise, taken with my phone held against the eyepiece and a lot of swearing. https://t.co/gi6HPNTeSg",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1605930169862071476/photo/1",
            "indices" : [
              "79",
              "102"
            ],
            "url" : "https://t.co/gi6HPNTeSg",
            "media_url" : "http://pbs.twimg.com/media/Y0gtoTBqinOeWCw.jpg",
            "id_str" : "1605929939623955502",
            "id" : "1605929939623955502",
            "media_url_https" : "https://pbs.twimg.com/media/Y0gtoTBqinOeWCw.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/gi6HPNTeSg"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1605254323001415673"
          ],
          "editableUntil" : "2022-12-20T18:00:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Jo (& the hens)",
            "screen_name" : "hebrideanhen",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "2489965013",
            "id" : "2489965013"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "0",
      "id_str" : "1605254323001415673",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1605254323001415673",
      "created_at" : "Tue Dec 20 17:30:29 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @hebrideanhen: The hens have declared winter. Laying has ceased. Negotiations are ongoing.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1604818259325671178"
          ],
          "editableUntil" : "2022-12-19T13:07:43.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1604818259325671178",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1604818259325671178",
      "created_at" : "Mon Dec 19 12:37:43 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @fiona_weathers: Amber warning for wind for the northern isles from 6pm tonight. Gusts of 80-90mph possible on exposed coasts. Secure lo…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1604033780583613780"
          ],
          "editableUntil" : "2022-12-17T09:10:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "2",
      "id_str" : "1604033780583613780",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1604033780583613780",
      "created_at" : "Sat Dec 17 08:40:29 +0000 2022",
      "favorited" : false,
      "full_text" : "Humidity in the tower is 90% so the dough is basically running its own schedule.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1603654502717875950"
          ],
          "editableUntil" : "2022-12-16T08:03:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "127"
      ],
      "favorite_count" : "3",
      "id_str" : "1603654502717875950",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1603654502717875950",
      "created_at" : "Fri Dec 16 07:33:22 +0000 2022",
      "favorited" : false,
      "full_text" : "Gloria (the sourdough starter, for newcomers) is doubling nicely this morning. She's older than some of the island's marriages.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1603646761349271684"
          ],
          "editableUntil" : "2022-12-16T07:32:36.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "119"
      ],
      "favorite_count" : "9",
      "id_str" : "1603646761349271684",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1603646761349271684",
      "created_at" : "Fri Dec 16 07:02:36 +0000 2022",
      "favorited" : false,
      "full_text" : "Christmas on the rock: the light, the cat, a roast for one and a video call with Tamsin. Merry Christmas from Skerra. 🎄",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1603057743609264423"
          ],
          "editableUntil" : "2022-12-14T16:32:04.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Porthmorrow Astronomical Society",
            "screen_name" : "PorthAstroSoc",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1436620017",
            "id" : "1436620017"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1603057743609264423",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1603057743609264423",
      "created_at" : "Wed Dec 14 16:02:04 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @PorthAstroSoc: Geminid meteor shower peaks tonight! Best after 10pm, look anywhere, give your eyes 20 minutes to adjust. Let us know wh…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1601884143276660660"
          ],
          "editableUntil" : "2022-12-11T10:48:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "109"
      ],
      "favorite_count" : "3",
      "id_str" : "1601884143276660660",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1601884143276660660",
      "created_at" : "Sun Dec 11 10:18:35 +0000 2022",
      "favorited" : false,
      "full_text" : "Huge swell today. Every seventh wave goes clean over the breakwater and the whole harbour holds its breath. 🌊",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1600799237097383279"
          ],
          "editableUntil" : "2022-12-08T10:57:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra Island Shop",
            "screen_name" : "morags_shop",
            "indices" : [
              "3",
              "15"
            ],
            "id_str" : "4012277365",
            "id" : "4012277365"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "0",
      "id_str" : "1600799237097383279",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1600799237097383279",
      "created_at" : "Thu Dec 08 10:27:34 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @morags_shop: Shop will be closed Thursday afternoon for the funeral. Thinking of the family.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1600732967708982831"
          ],
          "editableUntil" : "2022-12-08T06:34:14.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "173"
      ],
      "favorite_count" : "1",
      "id_str" : "1600732967708982831",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1600732967708982831",
      "created_at" : "Thu Dec 08 06:04:14 +0000 2022",
      "favorited" : false,
      "full_text" : "The Moon just swallowed Mars. Watched it vanish behind the edge at 4:56am and pop out the other side an hour later. Been up all night and I REGRET NOTHING. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1595691806135729704"
          ],
          "editableUntil" : "2022-11-24T08:42:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "43"
      ],
      "favorite_count" : "1",
      "id_str" : "1595691806135729704",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1595691806135729704",
      "created_at" : "Thu Nov 24 08:12:27 +0000 2022",
      "favorited" : false,
      "full_text" : "Wind: NW 6, gusting 8. Sea: rough. Hat: on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1592210457009924280"
          ],
          "editableUntil" : "2022-11-14T18:08:49.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "108"
      ],
      "favorite_count" : "0",
      "id_str" : "1592210457009924280",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1592210457009924280",
      "created_at" : "Mon Nov 14 17:38:49 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @fiona_weathers: Quick reminder that 'bright spells' is doing a lot of heavy lifting in today's forecast.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1591698637642855997"
          ],
          "editableUntil" : "2022-11-13T08:15:02.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "4",
      "id_str" : "1591698637642855997",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1591698637642855997",
      "created_at" : "Sun Nov 13 07:45:02 +0000 2022",
      "favorited" : false,
      "full_text" : "Weather today is 'bright spells'. Bright spell lasted the length of a cup of tea.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1587910920539744089"
          ],
          "editableUntil" : "2022-11-02T21:24:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "123"
      ],
      "favorite_count" : "3",
      "id_str" : "1587910920539744089",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1587910920539744089",
      "created_at" : "Wed Nov 02 20:54:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Got the Dob out, cooled it down, lined up on Jupiter, and the fog rolled in off the sea. Went in and had a biscuit instead.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1586991473195275562"
          ],
          "editableUntil" : "2022-10-31T08:30:26.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "1",
      "id_str" : "1586991473195275562",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1586991473195275562",
      "created_at" : "Mon Oct 31 08:00:26 +0000 2022",
      "favorited" : false,
      "full_text" : "Wind's gone round to the north and the air smells of snow. Bringing the logs in.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1586980741899186915"
          ],
          "editableUntil" : "2022-10-31T07:47:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "34"
      ],
      "favorite_count" : "2",
      "id_str" : "1586980741899186915",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1586980741899186915",
      "created_at" : "Mon Oct 31 07:17:48 +0000 2022",
      "favorited" : false,
      "full_text" : "Wind: N 5. Sea: moderate. Hat: on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1585212713732654220"
          ],
          "editableUntil" : "2022-10-26T10:42:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "64"
      ],
      "favorite_count" : "2",
      "id_str" : "1585212713732654220",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1585212713732654220",
      "created_at" : "Wed Oct 26 10:12:17 +0000 2022",
      "favorited" : false,
      "full_text" : "Wind: W 7, gusting 8. Sea: very rough. Hat: not even risking it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1584850949514144080"
          ],
          "editableUntil" : "2022-10-25T10:44:46.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "160"
      ],
      "favorite_count" : "7",
      "id_str" : "1584850949514144080",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1584850949514144080",
      "created_at" : "Tue Oct 25 10:14:46 +0000 2022",
      "favorited" : false,
      "full_text" : "Partial solar eclipse this morning, about a quarter of the sun bitten off. Watched it through a colander onto the bread board: dozens of little crescent suns. 🌘",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1584681209868659015"
          ],
          "editableUntil" : "2022-10-24T23:30:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "2",
      "id_str" : "1584681209868659015",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1584681209868659015",
      "created_at" : "Mon Oct 24 23:00:17 +0000 2022",
      "favorited" : false,
      "full_text" : "The Plough's standing on its handle tonight, which is how you know it's properly autumn.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1582872281936909000"
          ],
          "editableUntil" : "2022-10-19T23:42:15.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "1",
      "id_str" : "1582872281936909000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1582872281936909000",
      "created_at" : "Wed Oct 19 23:12:15 +0000 2022",
      "favorited" : false,
      "full_text" : "Mars getting brighter every week. Little orange ember in the east. Come on, opposition. 🔴",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1582783715014229596"
          ],
          "editableUntil" : "2022-10-19T17:50:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "109"
      ],
      "favorite_count" : "7",
      "id_str" : "1582783715014229596",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1582783715014229596",
      "created_at" : "Wed Oct 19 17:20:19 +0000 2022",
      "favorited" : false,
      "full_text" : "Three things that made today good: a clear sunrise, a seal pup on the beach, and the bread. Mostly the bread.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1582424380585626849"
          ],
          "editableUntil" : "2022-10-18T18:02:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Porthmorrow Astronomical Society",
            "screen_name" : "PorthAstroSoc",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1436620017",
            "id" : "1436620017"
          },
          {
            "name" : "Mags Tregenna 🌊🔭",
            "screen_name" : "mags_lamproom",
            "indices" : [
              "104",
              "118"
            ],
            "id_str" : "1049213867",
            "id" : "1049213867"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1582424380585626849",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1582424380585626849",
      "created_at" : "Tue Oct 18 17:32:27 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @PorthAstroSoc: Tonight's talk: 'Keeping the lights on: a lighthouse keeper's sky' with our very own @mags_lamproom. 7.30pm at the libra…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1577587689431081575"
          ],
          "editableUntil" : "2022-10-05T09:43:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "4",
      "id_str" : "1577587689431081575",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1577587689431081575",
      "created_at" : "Wed Oct 05 09:13:09 +0000 2022",
      "favorited" : false,
      "full_text" : "Rainbow over the harbour, then a second one inside it. Double rainbow, the full business. 🌈",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1576874100218524197"
          ],
          "editableUntil" : "2022-10-03T10:27:37.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "119"
      ],
      "favorite_count" : "2",
      "id_str" : "1576874100218524197",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1576874100218524197",
      "created_at" : "Mon Oct 03 09:57:37 +0000 2022",
      "favorited" : false,
      "full_text" : "Ceilidh at the hall tonight. Whole population (64) plus one visiting birdwatcher who had no idea what he'd walked into.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1576545430749740594"
          ],
          "editableUntil" : "2022-10-02T12:41:36.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "128"
      ],
      "favorite_count" : "1",
      "id_str" : "1576545430749740594",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1576545430749740594",
      "created_at" : "Sun Oct 02 12:11:36 +0000 2022",
      "favorited" : false,
      "full_text" : "Otter on the jetty at dawn, eating something it definitely shouldn't have been. We made eye contact. Neither of us mentioned it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1575789690275648225"
          ],
          "editableUntil" : "2022-09-30T10:38:33.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "17",
      "id_str" : "1575789690275648225",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1575789690275648225",
      "created_at" : "Fri Sep 30 10:08:33 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry cancelled. Milk rationing begins. Barnacle has been informed.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1575531346453807811"
          ],
          "editableUntil" : "2022-09-29T17:31:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "2",
      "id_str" : "1575531346453807811",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1575531346453807811",
      "created_at" : "Thu Sep 29 17:01:59 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #12: 'crew shortage'. Alan's hip.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1575045676590723892"
          ],
          "editableUntil" : "2022-09-28T09:22:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "141"
      ],
      "favorite_count" : "7",
      "id_str" : "1575045676590723892",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1575045676590723892",
      "created_at" : "Wed Sep 28 08:52:06 +0000 2022",
      "favorited" : false,
      "full_text" : "Broadband's down, so this was typed at the one corner of the harbour wall with signal, in the rain, phone held up like the Statue of Liberty.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1574663422021635266"
          ],
          "editableUntil" : "2022-09-27T08:03:10.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "2",
      "id_str" : "1574663422021635266",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1574663422021635266",
      "created_at" : "Tue Sep 27 07:33:10 +0000 2022",
      "favorited" : false,
      "full_text" : "Oatcakes while the oven's hot. Oats, salt, butter, water. Nothing fancy, nothing better.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1574453827017530380"
          ],
          "editableUntil" : "2022-09-26T18:10:18.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Sky Notes",
            "screen_name" : "northsky_notes",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "3348127790",
            "id" : "3348127790"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1574453827017530380",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1574453827017530380",
      "created_at" : "Mon Sep 26 17:40:18 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @northsky_notes: Jupiter is at opposition tonight: biggest and brightest it gets all year. Even small binoculars will show its four larg…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1573966062665977424"
          ],
          "editableUntil" : "2022-09-25T09:52:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Sourdough",
            "indices" : [
              "170",
              "180"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "180"
      ],
      "favorite_count" : "5",
      "id_str" : "1573966062665977424",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1573966062665977424",
      "created_at" : "Sun Sep 25 09:22:06 +0000 2022",
      "favorited" : false,
      "full_text" : "Mix, rest, fold every half hour for two hours, shape, fridge overnight. Hottest oven you've got: lid on 20 mins, lid off 25. Don't open the oven to look. I know. I KNOW. #Sourdough",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1573965388221717414",
      "in_reply_to_status_id" : "1573965388221717414",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1573965388221717414"
          ],
          "editableUntil" : "2022-09-25T09:49:26.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "138"
      ],
      "favorite_count" : "1",
      "id_str" : "1573965388221717414",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1573965388221717414",
      "created_at" : "Sun Sep 25 09:19:26 +0000 2022",
      "favorited" : false,
      "full_text" : "Feed the starter the night before: 100g flour, 100g water, 50g starter. Leave her somewhere warm. On Skerra that means next to the boiler.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1573964801427440302",
      "in_reply_to_status_id" : "1573964801427440302",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1573964801427440302"
          ],
          "editableUntil" : "2022-09-25T09:47:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "1",
      "id_str" : "1573964801427440302",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1573964801427440302",
      "created_at" : "Sun Sep 25 09:17:06 +0000 2022",
      "favorited" : false,
      "full_text" : "Right, everyone's asking about Gloria's bread. Here's how I do it, lighthouse-style. 🍞🧵",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1573803225923754835"
          ],
          "editableUntil" : "2022-09-24T23:05:03.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "2",
      "id_str" : "1573803225923754835",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1573803225923754835",
      "created_at" : "Sat Sep 24 22:35:03 +0000 2022",
      "favorited" : false,
      "full_text" : "Red torch, three jumpers, flask of cocoa, cat on my feet. Observing set-up complete. 🔭",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1573218439229198163"
          ],
          "editableUntil" : "2022-09-23T08:21:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "2",
      "id_str" : "1573218439229198163",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1573218439229198163",
      "created_at" : "Fri Sep 23 07:51:19 +0000 2022",
      "favorited" : false,
      "full_text" : "Gusts of 78mph on the station anemometer overnight. The shed is where I left it. Small victories.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1572565232569202943"
          ],
          "editableUntil" : "2022-09-21T13:05:42.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "1",
      "id_str" : "1572565232569202943",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1572565232569202943",
      "created_at" : "Wed Sep 21 12:35:42 +0000 2022",
      "favorited" : false,
      "full_text" : "The ferry is running 'dreckly'. For non-Cornish readers: dreckly means 'at some point, possibly never'.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1572481971120634633"
          ],
          "editableUntil" : "2022-09-21T07:34:51.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "StormWatch",
            "indices" : [
              "96",
              "107"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "107"
      ],
      "favorite_count" : "1",
      "id_str" : "1572481971120634633",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1572481971120634633",
      "created_at" : "Wed Sep 21 07:04:51 +0000 2022",
      "favorited" : false,
      "full_text" : "Barometer's dropped 20 millibars since teatime. Battening down everything that can be battened. #StormWatch",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1572254050382549821"
          ],
          "editableUntil" : "2022-09-20T16:29:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "116"
      ],
      "favorite_count" : "1",
      "id_str" : "1572254050382549821",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1572254050382549821",
      "created_at" : "Tue Sep 20 15:59:11 +0000 2022",
      "favorited" : false,
      "full_text" : "Beachcombing haul: sea glass (blue! rare!), a cork float, a doll's arm (unsettling), and rope. There is always rope.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1571268493927723857"
          ],
          "editableUntil" : "2022-09-17T23:12:56.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/r6cSnoJwyT",
            "expanded_url" : "https://en.wikipedia.org/wiki/Wind_wave",
            "display_url" : "en.wikipedia.org/wiki/Wind…",
            "indices" : [
              "91",
              "114"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "17",
      "id_str" : "1571268493927723857",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1571268493927723857",
      "created_at" : "Sat Sep 17 22:42:56 +0000 2022",
      "favorited" : false,
      "full_text" : "Why the sea goes over the breakwater every seventh wave (it doesn't, exactly, but nearly): https://t.co/r6cSnoJwyT",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1571222482618206413"
          ],
          "editableUntil" : "2022-09-17T20:10:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1571222482618206413/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/nvoIHihhrI",
            "media_url" : "http://pbs.twimg.com/media/RwjvUVb_n6-72A5.jpg",
            "id_str" : "1571222438874735581",
            "id" : "1571222438874735581",
            "media_url_https" : "https://pbs.twimg.com/media/RwjvUVb_n6-72A5.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/nvoIHihhrI"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "2",
      "id_str" : "1571222482618206413",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1571222482618206413",
      "created_at" : "Sat Sep 17 19:40:06 +0000 2022",
      "favorited" : false,
      "full_text" : "https://t.co/nvoIHihhrI",
      "lang" : "zxx",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1571222482618206413/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/nvoIHihhrI",
            "media_url" : "http://pbs.twimg.com/media/RwjvUVb_n6-72A5.jpg",
            "id_str" : "1571222438874735581",
            "id" : "1571222438874735581",
            "media_url_https" : "https://pbs.twimg.com/media/RwjvUVb_n6-72A5.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/nvoIHihhrI"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1569058914729033924"
          ],
          "editableUntil" : "2022-09-11T20:52:51.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "2",
      "id_str" : "1569058914729033924",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1569058914729033924",
      "created_at" : "Sun Sep 11 20:22:51 +0000 2022",
      "favorited" : false,
      "full_text" : "Lost power, found candles, found the good chocolate I'd hidden from myself. Silver linings.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1568237034775679283"
          ],
          "editableUntil" : "2022-09-09T14:27:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "131"
      ],
      "favorite_count" : "11",
      "id_str" : "1568237034775679283",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1568237034775679283",
      "created_at" : "Fri Sep 09 13:57:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry's rerouted round the north side because of the swell, so it's three hours instead of ninety minutes. Bring a book. Bring two.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1568012746095751336"
          ],
          "editableUntil" : "2022-09-08T23:35:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "79"
      ],
      "favorite_count" : "6",
      "id_str" : "1568012746095751336",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1568012746095751336",
      "created_at" : "Thu Sep 08 23:05:45 +0000 2022",
      "favorited" : false,
      "full_text" : "Orion's up before dawn again. That means autumn, whatever the thermometer says.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1566846797210968489"
          ],
          "editableUntil" : "2022-09-05T18:22:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "66"
      ],
      "favorite_count" : "3",
      "id_str" : "1566846797210968489",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1566846797210968489",
      "created_at" : "Mon Sep 05 17:52:41 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #11: 'unexpected swell' in a flat calm.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1566817403088324330"
          ],
          "editableUntil" : "2022-09-05T16:25:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "113"
      ],
      "favorite_count" : "6",
      "id_str" : "1566817403088324330",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1566817403088324330",
      "created_at" : "Mon Sep 05 15:55:53 +0000 2022",
      "favorited" : false,
      "full_text" : "Barnacle is sulking because I moved his cardboard box six inches to the left. Six inches. He has not forgiven me.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1565958364514639819"
          ],
          "editableUntil" : "2022-09-03T07:32:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "1",
      "id_str" : "1565958364514639819",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1565958364514639819",
      "created_at" : "Sat Sep 03 07:02:22 +0000 2022",
      "favorited" : false,
      "full_text" : "@dougie_harbour Keep me one of the big mackerel, I'll swap you for a loaf.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1565869277479168102",
      "in_reply_to_status_id" : "1565869277479168102",
      "in_reply_to_user_id" : "2318840771",
      "in_reply_to_user_id_str" : "2318840771",
      "in_reply_to_screen_name" : "dougie_harbour"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1565724845771241228"
          ],
          "editableUntil" : "2022-09-02T16:04:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Porthmorrow Astronomical Society",
            "screen_name" : "PorthAstroSoc",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1436620017",
            "id" : "1436620017"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1565724845771241228",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1565724845771241228",
      "created_at" : "Fri Sep 02 15:34:27 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @PorthAstroSoc: Our next public observing night is on Friday at the harbour car park from 8pm. Telescopes provided, hot chocolate provid…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1565468834618801200"
          ],
          "editableUntil" : "2022-09-01T23:07:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/uTKvFXzf9p",
            "expanded_url" : "https://en.wikipedia.org/wiki/Beaufort_scale",
            "display_url" : "en.wikipedia.org/wiki/Beau…",
            "indices" : [
              "124",
              "147"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "147"
      ],
      "favorite_count" : "1",
      "id_str" : "1565468834618801200",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1565468834618801200",
      "created_at" : "Thu Sep 01 22:37:09 +0000 2022",
      "favorited" : false,
      "full_text" : "The Beaufort scale, for anyone puzzled by my 'Wind: SW 8' posts. Force 12 is 'hurricane'. Force 13 is 'Skerra in February'. https://t.co/uTKvFXzf9p",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1565270964977921267"
          ],
          "editableUntil" : "2022-09-01T10:00:54.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Lighthouse Lore",
            "screen_name" : "lighthouse_lore",
            "indices" : [
              "3",
              "19"
            ],
            "id_str" : "1502239876",
            "id" : "1502239876"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1565270964977921267",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1565270964977921267",
      "created_at" : "Thu Sep 01 09:30:54 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @lighthouse_lore: Today in 1854: Skerra lighthouse was first lit. Its light has shown every night since, through two world wars and coun…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1563829368540704264"
          ],
          "editableUntil" : "2022-08-28T10:32:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "1",
              "16"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "2",
      "id_str" : "1563829368540704264",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1563829368540704264",
      "created_at" : "Sun Aug 28 10:02:30 +0000 2022",
      "favorited" : false,
      "full_text" : "\"@dougie_harbour: harbour's full of mackerel, bring a bucket\" On my way!!!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1563782132519448723"
          ],
          "editableUntil" : "2022-08-28T07:24:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "3",
      "id_str" : "1563782132519448723",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1563782132519448723",
      "created_at" : "Sun Aug 28 06:54:48 +0000 2022",
      "favorited" : false,
      "full_text" : "Still. Warm. Midges. I take back every bad word I ever said about the wind.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1561621640523386404"
          ],
          "editableUntil" : "2022-08-22T08:19:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Caturday",
            "indices" : [
              "105",
              "114"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "3",
      "id_str" : "1561621640523386404",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1561621640523386404",
      "created_at" : "Mon Aug 22 07:49:47 +0000 2022",
      "favorited" : false,
      "full_text" : "The cat has found the one patch of sunshine on the entire island and is lying in it like he paid for it. #Caturday",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1560233026258222523"
          ],
          "editableUntil" : "2022-08-18T12:21:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "1",
      "id_str" : "1560233026258222523",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1560233026258222523",
      "created_at" : "Thu Aug 18 11:51:55 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #10: the galley kettle broke and nobody would sail without tea.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1559631407749205394"
          ],
          "editableUntil" : "2022-08-16T20:31:18.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/Ydqy5uVxKA",
            "expanded_url" : "https://en.wikipedia.org/wiki/Lighthouse_keeper",
            "display_url" : "en.wikipedia.org/wiki/Ligh…",
            "indices" : [
              "99",
              "122"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "4",
      "id_str" : "1559631407749205394",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1559631407749205394",
      "created_at" : "Tue Aug 16 20:01:18 +0000 2022",
      "favorited" : false,
      "full_text" : "Reading about the old keepers' logbooks tonight. Three keepers to a rock, four weeks on, four off. https://t.co/Ydqy5uVxKA",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1558448964725448839"
          ],
          "editableUntil" : "2022-08-13T14:12:42.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "4",
      "id_str" : "1558448964725448839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1558448964725448839",
      "created_at" : "Sat Aug 13 13:42:42 +0000 2022",
      "favorited" : false,
      "full_text" : "Basking shark in the south bay! Huge, slow, mouth open like a dustbin. Summer's here.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1558371637713569849"
          ],
          "editableUntil" : "2022-08-13T09:05:26.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "2",
      "id_str" : "1558371637713569849",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1558371637713569849",
      "created_at" : "Sat Aug 13 08:35:26 +0000 2022",
      "favorited" : false,
      "full_text" : "Bread didn't rise so I turned it into croutons and pretended that was the plan all along.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1558244839331217647"
          ],
          "editableUntil" : "2022-08-13T00:41:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Perseids",
            "indices" : [
              "66",
              "75"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "2",
      "id_str" : "1558244839331217647",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1558244839331217647",
      "created_at" : "Sat Aug 13 00:11:35 +0000 2022",
      "favorited" : false,
      "full_text" : "Perseids vs the full moon, round two. The moon won. Saw six. SIX. #Perseids",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1557657940479318087"
          ],
          "editableUntil" : "2022-08-11T09:49:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "109"
      ],
      "favorite_count" : "3",
      "id_str" : "1557657940479318087",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1557657940479318087",
      "created_at" : "Thu Aug 11 09:19:27 +0000 2022",
      "favorited" : false,
      "full_text" : "Barnacle knocked the eyepiece case off the table at 2am, looked me dead in the eye, and left. He is a critic.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1554202849495355745"
          ],
          "editableUntil" : "2022-08-01T21:00:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "102"
      ],
      "favorite_count" : "6",
      "id_str" : "1554202849495355745",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1554202849495355745",
      "created_at" : "Mon Aug 01 20:30:09 +0000 2022",
      "favorited" : false,
      "full_text" : "Milky Way straight overhead tonight, so bright it felt like it should cast a shadow. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1550028827506463273"
          ],
          "editableUntil" : "2022-07-21T08:34:05.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "109"
      ],
      "favorite_count" : "57",
      "id_str" : "1550028827506463273",
      "truncated" : false,
      "retweet_count" : "8",
      "id" : "1550028827506463273",
      "created_at" : "Thu Jul 21 08:04:05 +0000 2022",
      "favorited" : false,
      "full_text" : "The Guillemot is EARLY. I repeat: EARLY. Eleven minutes early. Dougie thinks it's a sign of the end times. ⛴️",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1549666471818643399"
          ],
          "editableUntil" : "2022-07-20T08:34:12.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "107"
      ],
      "favorite_count" : "1",
      "id_str" : "1549666471818643399",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1549666471818643399",
      "created_at" : "Wed Jul 20 08:04:12 +0000 2022",
      "favorited" : false,
      "full_text" : "Fed Gloria, forgot Gloria, found Gloria halfway out of the jar trying to escape. She gets feisty in summer.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1548936336329560575"
          ],
          "editableUntil" : "2022-07-18T08:12:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Porthmorrow Astronomical Society",
            "screen_name" : "PorthAstroSoc",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "1436620017",
            "id" : "1436620017"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "1",
      "id_str" : "1548936336329560575",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1548936336329560575",
      "created_at" : "Mon Jul 18 07:42:55 +0000 2022",
      "favorited" : false,
      "full_text" : "@PorthAstroSoc Clouded out here too, sadly. Next clear night I'll bring the Dob over on the ferry (ha).",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1548925263975988551",
      "in_reply_to_status_id" : "1548925263975988551",
      "in_reply_to_user_id" : "1436620017",
      "in_reply_to_user_id_str" : "1436620017",
      "in_reply_to_screen_name" : "PorthAstroSoc"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1548197280080688301"
          ],
          "editableUntil" : "2022-07-16T07:16:10.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "106"
      ],
      "favorite_count" : "1",
      "id_str" : "1548197280080688301",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1548197280080688301",
      "created_at" : "Sat Jul 16 06:46:10 +0000 2022",
      "favorited" : false,
      "full_text" : "Cardamom buns! The kitchen smells like a Swedish bakery, and so does the cat, because he sat in the flour.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1546526760516953204"
          ],
          "editableUntil" : "2022-07-11T16:38:07.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "20",
              "30"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "30"
      ],
      "favorite_count" : "1",
      "id_str" : "1546526760516953204",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1546526760516953204",
      "created_at" : "Mon Jul 11 16:08:07 +0000 2022",
      "favorited" : false,
      "full_text" : "Gloria has risen! 🍞 #sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1545339446235063542"
          ],
          "editableUntil" : "2022-07-08T10:00:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "0",
      "id_str" : "1545339446235063542",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1545339446235063542",
      "created_at" : "Fri Jul 08 09:30:09 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @fiona_weathers: Here's a thing: the Shipping Forecast areas haven't changed since 2002. The sea has, slightly.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1541768608856099733"
          ],
          "editableUntil" : "2022-06-28T13:30:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra & Isles Ferries",
            "screen_name" : "SkerraFerries",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "3120985536",
            "id" : "3120985536"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "109"
      ],
      "favorite_count" : "37",
      "id_str" : "1541768608856099733",
      "truncated" : false,
      "retweet_count" : "5",
      "id" : "1541768608856099733",
      "created_at" : "Tue Jun 28 13:00:55 +0000 2022",
      "favorited" : false,
      "full_text" : "@SkerraFerries Any update on the 1430? There are about twelve of us in the car park &amp; one of us is a cat.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1541693614560815240",
      "in_reply_to_status_id" : "1541693614560815240",
      "in_reply_to_user_id" : "3120985536",
      "in_reply_to_user_id_str" : "3120985536",
      "in_reply_to_screen_name" : "SkerraFerries"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1541082252042653102"
          ],
          "editableUntil" : "2022-06-26T16:03:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "161"
      ],
      "favorite_count" : "1",
      "id_str" : "1541082252042653102",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1541082252042653102",
      "created_at" : "Sun Jun 26 15:33:35 +0000 2022",
      "favorited" : false,
      "full_text" : "Two yachts in the harbour tonight, the first of the summer. Somebody's playing a fiddle on one of them. The seals have come in to listen. I'm not making that up.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1539150609160455168"
          ],
          "editableUntil" : "2022-06-21T08:07:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "2",
      "id_str" : "1539150609160455168",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1539150609160455168",
      "created_at" : "Tue Jun 21 07:37:55 +0000 2022",
      "favorited" : false,
      "full_text" : "Wind: NW 6, gusting 7. Sea: rough. Hat: on, held down with one hand. Lamp's off, kettle's on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1538985765613805410"
          ],
          "editableUntil" : "2022-06-20T21:12:54.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/7zOxc7SY8L",
            "expanded_url" : "https://en.wikipedia.org/wiki/Meteor_shower",
            "display_url" : "en.wikipedia.org/wiki/Mete…",
            "indices" : [
              "80",
              "103"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "1",
      "id_str" : "1538985765613805410",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1538985765613805410",
      "created_at" : "Mon Jun 20 20:42:54 +0000 2022",
      "favorited" : false,
      "full_text" : "Meteor showers for the rest of the year, if the clouds allow. Which they won't. https://t.co/7zOxc7SY8L",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1538438585035380897"
          ],
          "editableUntil" : "2022-06-19T08:58:36.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "16",
      "id_str" : "1538438585035380897",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1538438585035380897",
      "created_at" : "Sun Jun 19 08:28:36 +0000 2022",
      "favorited" : false,
      "full_text" : "Gloria's had her breakfast &amp; is bubbling away next to the boiler. Bake day tomorrow.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1538150154901862472"
          ],
          "editableUntil" : "2022-06-18T13:52:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "2",
      "id_str" : "1538150154901862472",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1538150154901862472",
      "created_at" : "Sat Jun 18 13:22:29 +0000 2022",
      "favorited" : false,
      "full_text" : "ORCAS! Past the point at 2pm, a pod of five heading north. I'm still shaking. ORCAS. 🐋",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1537132009155819112"
          ],
          "editableUntil" : "2022-06-15T18:26:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "112"
      ],
      "favorite_count" : "1",
      "id_str" : "1537132009155819112",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1537132009155819112",
      "created_at" : "Wed Jun 15 17:56:44 +0000 2022",
      "favorited" : false,
      "full_text" : "A visitor asked if I get lonely out here. I have a cat, a starter, a telescope, and the sea. I'm never not busy.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1535345650939556393"
          ],
          "editableUntil" : "2022-06-10T20:08:23.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/mcUX2d35PF",
            "expanded_url" : "https://en.wikipedia.org/wiki/Atlantic_puffin",
            "display_url" : "en.wikipedia.org/wiki/Atla…",
            "indices" : [
              "0",
              "23"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "1",
      "id_str" : "1535345650939556393",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1535345650939556393",
      "created_at" : "Fri Jun 10 19:38:23 +0000 2022",
      "favorited" : false,
      "full_text" : "https://t.co/mcUX2d35PF",
      "lang" : "zxx",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1534504817397067596"
          ],
          "editableUntil" : "2022-06-08T12:27:12.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "105"
      ],
      "favorite_count" : "1",
      "id_str" : "1534504817397067596",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1534504817397067596",
      "created_at" : "Wed Jun 08 11:57:12 +0000 2022",
      "favorited" : false,
      "full_text" : "Fulmars nesting on the ledge right below the lamp room window. They're loud, they smell, and I love them.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1533788734618807960"
          ],
          "editableUntil" : "2022-06-06T13:01:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "1",
      "id_str" : "1533788734618807960",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1533788734618807960",
      "created_at" : "Mon Jun 06 12:31:45 +0000 2022",
      "favorited" : false,
      "full_text" : "The island shop has got oat milk in. Biggest news on Skerra since the new bench.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1532855596880828470"
          ],
          "editableUntil" : "2022-06-03T23:13:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "124"
      ],
      "favorite_count" : "19",
      "id_str" : "1532855596880828470",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1532855596880828470",
      "created_at" : "Fri Jun 03 22:43:48 +0000 2022",
      "favorited" : false,
      "full_text" : "Noctilucent clouds! Electric-blue ripples low in the north at midnight. Summer's consolation prize for having no dark skies.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1532754014602241209"
          ],
          "editableUntil" : "2022-06-03T16:30:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Sourdough",
            "indices" : [
              "20",
              "30"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "30"
      ],
      "favorite_count" : "1",
      "id_str" : "1532754014602241209",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1532754014602241209",
      "created_at" : "Fri Jun 03 16:00:08 +0000 2022",
      "favorited" : false,
      "full_text" : "GLORIA HAS RISEN. 🍞 #Sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1532468696157619740"
          ],
          "editableUntil" : "2022-06-02T21:36:23.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/A9d5tp8XnV",
            "expanded_url" : "https://en.wikipedia.org/wiki/Messier_object",
            "display_url" : "en.wikipedia.org/wiki/Mess…",
            "indices" : [
              "118",
              "141"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "141"
      ],
      "favorite_count" : "1",
      "id_str" : "1532468696157619740",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1532468696157619740",
      "created_at" : "Thu Jun 02 21:06:23 +0000 2022",
      "favorited" : false,
      "full_text" : "Messier list, for the curious. I'm on 96 of 110. The last ones are all low in the south &amp; hiding behind the hill. https://t.co/A9d5tp8XnV",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1532113392263842686"
          ],
          "editableUntil" : "2022-06-01T22:04:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "0",
      "id_str" : "1532113392263842686",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1532113392263842686",
      "created_at" : "Wed Jun 01 21:34:32 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @dougie_harbour: Anyone missing a blue fish box? Turned up at the slipway after last night's blow. Also a rubber duck.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1531926618761093343"
          ],
          "editableUntil" : "2022-06-01T09:42:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "73"
      ],
      "favorite_count" : "1",
      "id_str" : "1531926618761093343",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1531926618761093343",
      "created_at" : "Wed Jun 01 09:12:22 +0000 2022",
      "favorited" : false,
      "full_text" : "Gannets diving off the point like somebody's throwing darts into the sea.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1531911783622385613"
          ],
          "editableUntil" : "2022-06-01T08:43:25.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Sky Notes",
            "screen_name" : "northsky_notes",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "3348127790",
            "id" : "3348127790"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "77"
      ],
      "favorite_count" : "2",
      "id_str" : "1531911783622385613",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1531911783622385613",
      "created_at" : "Wed Jun 01 08:13:25 +0000 2022",
      "favorited" : false,
      "full_text" : "@northsky_notes Naked eye here too, just! Binoculars made all the difference.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1531862205977484022",
      "in_reply_to_status_id" : "1531862205977484022",
      "in_reply_to_user_id" : "3348127790",
      "in_reply_to_user_id_str" : "3348127790",
      "in_reply_to_screen_name" : "northsky_notes"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1528632516461951842"
          ],
          "editableUntil" : "2022-05-23T07:32:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "2",
      "id_str" : "1528632516461951842",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1528632516461951842",
      "created_at" : "Mon May 23 07:02:47 +0000 2022",
      "favorited" : false,
      "full_text" : "Sea mist rolled in at four and ate the whole island. Even the lamp looks like it's squinting.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1526965367391628758"
          ],
          "editableUntil" : "2022-05-18T17:08:07.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "1",
      "id_str" : "1526965367391628758",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1526965367391628758",
      "created_at" : "Wed May 18 16:38:07 +0000 2022",
      "favorited" : false,
      "full_text" : "Kittiwakes screaming their own names at each other all morning. Kitti-waaake. Yes. We know.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1526643044743687790"
          ],
          "editableUntil" : "2022-05-17T19:47:20.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra & Isles Ferries",
            "screen_name" : "SkerraFerries",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "3120985536",
            "id" : "3120985536"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1526643044743687790",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1526643044743687790",
      "created_at" : "Tue May 17 19:17:20 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @SkerraFerries: Our summer timetable starts on Monday. Please note the new Sunday sailing times and remember to book vehicles in advance!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1524697884120667457"
          ],
          "editableUntil" : "2022-05-12T10:57:57.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "123"
      ],
      "favorite_count" : "1",
      "id_str" : "1524697884120667457",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1524697884120667457",
      "created_at" : "Thu May 12 10:27:57 +0000 2022",
      "favorited" : false,
      "full_text" : "Sunny, blowing a gale and raining, all at once. The sky can't make up its mind &amp; neither can I about whether to go out.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1523781616462004939"
          ],
          "editableUntil" : "2022-05-09T22:17:02.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/cF64JHT1gd",
            "expanded_url" : "https://en.wikipedia.org/wiki/Sourdough",
            "display_url" : "en.wikipedia.org/wiki/Sour…",
            "indices" : [
              "71",
              "94"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "94"
      ],
      "favorite_count" : "9",
      "id_str" : "1523781616462004939",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1523781616462004939",
      "created_at" : "Mon May 09 21:47:02 +0000 2022",
      "favorited" : false,
      "full_text" : "Good explainer on why sourdough goes sour. Gloria declined to comment. https://t.co/cF64JHT1gd",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1523634658883118609"
          ],
          "editableUntil" : "2022-05-09T12:33:05.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "1",
      "id_str" : "1523634658883118609",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1523634658883118609",
      "created_at" : "Mon May 09 12:03:05 +0000 2022",
      "favorited" : false,
      "full_text" : "Barnacle is 9 today! 🎂 Celebrated with a sardine and a firm refusal to wear the party hat.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1523070293097833581"
          ],
          "editableUntil" : "2022-05-07T23:10:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "25"
      ],
      "favorite_count" : "1",
      "id_str" : "1523070293097833581",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1523070293097833581",
      "created_at" : "Sat May 07 22:40:29 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry cancelled. Again. 🙃",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1522703606094500872"
          ],
          "editableUntil" : "2022-05-06T22:53:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "24"
      ],
      "favorite_count" : "7",
      "id_str" : "1522703606094500872",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1522703606094500872",
      "created_at" : "Fri May 06 22:23:24 +0000 2022",
      "favorited" : false,
      "full_text" : "Lamp's lit. Night all. 🌊",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1522321789587592613"
          ],
          "editableUntil" : "2022-05-05T21:36:12.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "111"
      ],
      "favorite_count" : "1",
      "id_str" : "1522321789587592613",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1522321789587592613",
      "created_at" : "Thu May 05 21:06:12 +0000 2022",
      "favorited" : false,
      "full_text" : "The cat has discovered that rising bread dough is warm. I have discovered a cat-shaped dent in tomorrow's loaf.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1521934938978574978"
          ],
          "editableUntil" : "2022-05-04T19:59:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "12",
      "id_str" : "1521934938978574978",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1521934938978574978",
      "created_at" : "Wed May 04 19:29:00 +0000 2022",
      "favorited" : false,
      "full_text" : "@dougie_harbour Was that you waving from the pier? I waved back at what turned out to be a bollard.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1521903983804146855",
      "in_reply_to_status_id" : "1521903983804146855",
      "in_reply_to_user_id" : "2318840771",
      "in_reply_to_user_id_str" : "2318840771",
      "in_reply_to_screen_name" : "dougie_harbour"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1521767874502229291"
          ],
          "editableUntil" : "2022-05-04T08:55:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "1",
      "id_str" : "1521767874502229291",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1521767874502229291",
      "created_at" : "Wed May 04 08:25:09 +0000 2022",
      "favorited" : false,
      "full_text" : "Rain going sideways again. Not down. Sideways. Skerra has its own physics.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1519761951532125562"
          ],
          "editableUntil" : "2022-04-28T20:04:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Isla Fraser 🍞",
            "screen_name" : "IslaBakesBread",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "935118872",
            "id" : "935118872"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "111"
      ],
      "favorite_count" : "0",
      "id_str" : "1519761951532125562",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1519761951532125562",
      "created_at" : "Thu Apr 28 19:34:19 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @IslaBakesBread: Today's bake: seeded rye with treacle. Dense, dark and exactly what this weather calls for.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1518500842876607598"
          ],
          "editableUntil" : "2022-04-25T08:33:07.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "76"
      ],
      "favorite_count" : "8",
      "id_str" : "1518500842876607598",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1518500842876607598",
      "created_at" : "Mon Apr 25 08:03:07 +0000 2022",
      "favorited" : false,
      "full_text" : "Barnacle &gt; the hoover, in his opinion. The hoover has not been consulted.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1518149284187148840"
          ],
          "editableUntil" : "2022-04-24T09:16:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Isla Fraser 🍞",
            "screen_name" : "IslaBakesBread",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "935118872",
            "id" : "935118872"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "2",
      "id_str" : "1518149284187148840",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1518149284187148840",
      "created_at" : "Sun Apr 24 08:46:09 +0000 2022",
      "favorited" : false,
      "full_text" : "@IslaBakesBread Mine went flat too. Blaming the weather, as is traditional.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1518121350437508570",
      "in_reply_to_status_id" : "1518121350437508570",
      "in_reply_to_user_id" : "935118872",
      "in_reply_to_user_id_str" : "935118872",
      "in_reply_to_screen_name" : "IslaBakesBread"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1517856863833799598"
          ],
          "editableUntil" : "2022-04-23T13:54:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "2",
      "id_str" : "1517856863833799598",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1517856863833799598",
      "created_at" : "Sat Apr 23 13:24:11 +0000 2022",
      "favorited" : false,
      "full_text" : "Somebody left a bag of rhubarb on my doorstep with no note. Island love language.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1516739241824376757"
          ],
          "editableUntil" : "2022-04-20T11:53:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "84"
      ],
      "favorite_count" : "1",
      "id_str" : "1516739241824376757",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1516739241824376757",
      "created_at" : "Wed Apr 20 11:23:09 +0000 2022",
      "favorited" : false,
      "full_text" : "...and none of it is any use on the mainland, where I am hopeless at traffic lights.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1516738836066715594"
          ],
          "editableUntil" : "2022-04-20T11:51:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "179"
      ],
      "favorite_count" : "3",
      "id_str" : "1516738836066715594",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1516738836066715594",
      "created_at" : "Wed Apr 20 11:21:32 +0000 2022",
      "favorited" : false,
      "full_text" : "Things nobody tells you about island life: you'll know the exact weight of a sack of flour, the time of every high tide, and the mood of the ferry skipper by the way he ties up...",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1514903401806680418"
          ],
          "editableUntil" : "2022-04-15T10:18:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "100"
      ],
      "favorite_count" : "1",
      "id_str" : "1514903401806680418",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1514903401806680418",
      "created_at" : "Fri Apr 15 09:48:11 +0000 2022",
      "favorited" : false,
      "full_text" : "Hot cross buns for Good Friday. Crosses went a bit wonky, so these are hot slightly diagonal buns. 🍞",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1510642001373345281"
          ],
          "editableUntil" : "2022-04-03T16:04:54.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "3",
      "id_str" : "1510642001373345281",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1510642001373345281",
      "created_at" : "Sun Apr 03 15:34:54 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #9: an inspection by the inspectors of the inspection.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1510391341010548706"
          ],
          "editableUntil" : "2022-04-02T23:28:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "25"
      ],
      "favorite_count" : "29",
      "id_str" : "1510391341010548706",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1510391341010548706",
      "created_at" : "Sat Apr 02 22:58:52 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry cancelled. Again. 🙃",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1508852121421110319"
          ],
          "editableUntil" : "2022-03-29T17:32:33.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "1",
      "id_str" : "1508852121421110319",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1508852121421110319",
      "created_at" : "Tue Mar 29 17:02:33 +0000 2022",
      "favorited" : false,
      "full_text" : "Found Barnacle asleep in the lamp room, curled up in the sun by the lens. Assistant Keeper, resting his eyes on the job. 🐈",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1508413527379056918"
          ],
          "editableUntil" : "2022-03-28T12:29:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Isla Fraser 🍞",
            "screen_name" : "IslaBakesBread",
            "indices" : [
              "1",
              "16"
            ],
            "id_str" : "935118872",
            "id" : "935118872"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "1",
      "id_str" : "1508413527379056918",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1508413527379056918",
      "created_at" : "Mon Mar 28 11:59:44 +0000 2022",
      "favorited" : false,
      "full_text" : "“@IslaBakesBread: What's everyone baking this weekend?” Cardamom buns and regret.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1506167063491311046"
          ],
          "editableUntil" : "2022-03-22T07:43:05.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Kate Penrose",
            "screen_name" : "coastal_kate",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "2967451182",
            "id" : "2967451182"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "57"
      ],
      "favorite_count" : "2",
      "id_str" : "1506167063491311046",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1506167063491311046",
      "created_at" : "Tue Mar 22 07:13:05 +0000 2022",
      "favorited" : false,
      "full_text" : "@coastal_kate Glass float twins! Where did yours wash up?",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1506098108979834108",
      "in_reply_to_status_id" : "1506098108979834108",
      "in_reply_to_user_id" : "2967451182",
      "in_reply_to_user_id_str" : "2967451182",
      "in_reply_to_screen_name" : "coastal_kate"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1505091192050805685"
          ],
          "editableUntil" : "2022-03-19T08:27:58.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra & Isles Ferries",
            "screen_name" : "SkerraFerries",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "3120985536",
            "id" : "3120985536"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "94"
      ],
      "favorite_count" : "4",
      "id_str" : "1505091192050805685",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1505091192050805685",
      "created_at" : "Sat Mar 19 07:57:58 +0000 2022",
      "favorited" : false,
      "full_text" : "@SkerraFerries Thank you to the crew for getting us across today, that was a proper rough one.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1505087671522887305",
      "in_reply_to_status_id" : "1505087671522887305",
      "in_reply_to_user_id" : "3120985536",
      "in_reply_to_user_id_str" : "3120985536",
      "in_reply_to_screen_name" : "SkerraFerries"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1504137574663997798"
          ],
          "editableUntil" : "2022-03-16T17:18:37.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "112"
      ],
      "favorite_count" : "9",
      "id_str" : "1504137574663997798",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1504137574663997798",
      "created_at" : "Wed Mar 16 16:48:37 +0000 2022",
      "favorited" : false,
      "full_text" : "No ferry for four days now. Shelves at the shop looking thin. Somebody's organising a pasta swap at the hall. ⛴️",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1504015090278274079"
          ],
          "editableUntil" : "2022-03-16T09:11:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra Island Shop",
            "screen_name" : "morags_shop",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "4012277365",
            "id" : "4012277365"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "47"
      ],
      "favorite_count" : "1",
      "id_str" : "1504015090278274079",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1504015090278274079",
      "created_at" : "Wed Mar 16 08:41:55 +0000 2022",
      "favorited" : false,
      "full_text" : "@morags_shop OAT MILK. Morag you absolute hero.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1503973063285821569",
      "in_reply_to_status_id" : "1503973063285821569",
      "in_reply_to_user_id" : "4012277365",
      "in_reply_to_user_id_str" : "4012277365",
      "in_reply_to_screen_name" : "morags_shop"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1503471628844500276"
          ],
          "editableUntil" : "2022-03-14T21:12:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "24"
      ],
      "favorite_count" : "1",
      "id_str" : "1503471628844500276",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1503471628844500276",
      "created_at" : "Mon Mar 14 20:42:24 +0000 2022",
      "favorited" : false,
      "full_text" : "Lamp's lit. Night all. 🌊",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1503079864171866853"
          ],
          "editableUntil" : "2022-03-13T19:15:40.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Lighthouse Lore",
            "screen_name" : "lighthouse_lore",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "1502239876",
            "id" : "1502239876"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "150"
      ],
      "favorite_count" : "1",
      "id_str" : "1503079864171866853",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1503079864171866853",
      "created_at" : "Sun Mar 13 18:45:40 +0000 2022",
      "favorited" : false,
      "full_text" : "@lighthouse_lore Skerra light was first lit in 1854 &amp; automated in 1998. I'm the attendant keeper now, which mostly means polishing and paperwork.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1502980711021523956",
      "in_reply_to_status_id" : "1502980711021523956",
      "in_reply_to_user_id" : "1502239876",
      "in_reply_to_user_id_str" : "1502239876",
      "in_reply_to_screen_name" : "lighthouse_lore"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1501820981418324044"
          ],
          "editableUntil" : "2022-03-10T07:53:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra & Isles Ferries",
            "screen_name" : "SkerraFerries",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "3120985536",
            "id" : "3120985536"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1501820981418324044",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1501820981418324044",
      "created_at" : "Thu Mar 10 07:23:19 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @SkerraFerries: The 0730 Porthmorrow - Skerra sailing will depart approximately 45 minutes late due to a technical issue with the linksp…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1499423428028649163"
          ],
          "editableUntil" : "2022-03-03T17:06:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "68"
      ],
      "favorite_count" : "13",
      "id_str" : "1499423428028649163",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1499423428028649163",
      "created_at" : "Thu Mar 03 16:36:17 +0000 2022",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #8: 'weather'. It was sunny. Not a cloud.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1498790475074338094"
          ],
          "editableUntil" : "2022-03-01T23:11:10.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "63"
      ],
      "favorite_count" : "7",
      "id_str" : "1498790475074338094",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1498790475074338094",
      "created_at" : "Tue Mar 01 22:41:10 +0000 2022",
      "favorited" : false,
      "full_text" : "@fiona_weathers Flat calm here, which I find deeply suspicious.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1498729074071965438",
      "in_reply_to_status_id" : "1498729074071965438",
      "in_reply_to_user_id" : "871203345",
      "in_reply_to_user_id_str" : "871203345",
      "in_reply_to_screen_name" : "fiona_weathers"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1497993957440339977"
          ],
          "editableUntil" : "2022-02-27T18:26:05.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/DRo5xJuGxb",
            "expanded_url" : "https://twitter.com/dougie_harbour/status/1587731238266780299",
            "display_url" : "twitter.com/dougie_harbour…",
            "indices" : [
              "55",
              "78"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "78"
      ],
      "favorite_count" : "4",
      "id_str" : "1497993957440339977",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1497993957440339977",
      "created_at" : "Sun Feb 27 17:56:05 +0000 2022",
      "favorited" : false,
      "full_text" : "Dougie's harbour webcam is back up! Wave at the seals. https://t.co/DRo5xJuGxb",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1497206922751536708"
          ],
          "editableUntil" : "2022-02-25T14:18:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "3",
      "id_str" : "1497206922751536708",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1497206922751536708",
      "created_at" : "Fri Feb 25 13:48:41 +0000 2022",
      "favorited" : false,
      "full_text" : "@fiona_weathers Pressure bottomed out at 951 here. Ears popping in the lamp room.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1497199877098588085",
      "in_reply_to_status_id" : "1497199877098588085",
      "in_reply_to_user_id" : "871203345",
      "in_reply_to_user_id_str" : "871203345",
      "in_reply_to_screen_name" : "fiona_weathers"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1496100608405904981"
          ],
          "editableUntil" : "2022-02-22T13:02:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "120"
      ],
      "favorite_count" : "6",
      "id_str" : "1496100608405904981",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1496100608405904981",
      "created_at" : "Tue Feb 22 12:32:35 +0000 2022",
      "favorited" : false,
      "full_text" : "Islanders' guide to weather: if you can see the mainland it's going to rain. If you can't see the mainland it's raining.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1495707686958262227"
          ],
          "editableUntil" : "2022-02-21T11:01:16.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "1",
      "id_str" : "1495707686958262227",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1495707686958262227",
      "created_at" : "Mon Feb 21 10:31:16 +0000 2022",
      "favorited" : false,
      "full_text" : "Assistant Keeper Barnacle's daily report: slept (eleven hours), ate (twice, demanded four times), patrolled (windowsill only). All quiet. 🐈",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1495076072727584542"
          ],
          "editableUntil" : "2022-02-19T17:11:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Sourdough",
            "indices" : [
              "37",
              "47"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1495076072727584542/photo/1",
            "indices" : [
              "48",
              "71"
            ],
            "url" : "https://t.co/Pw5AhN0N8q",
            "media_url" : "http://pbs.twimg.com/media/-U8Oi2LHLFrKSbr.jpg",
            "id_str" : "1495076014814883866",
            "id" : "1495076014814883866",
            "media_url_https" : "https://pbs.twimg.com/media/-U8Oi2LHLFrKSbr.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/Pw5AhN0N8q"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "71"
      ],
      "favorite_count" : "22",
      "id_str" : "1495076072727584542",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1495076072727584542",
      "created_at" : "Sat Feb 19 16:41:27 +0000 2022",
      "favorited" : false,
      "full_text" : "Gloria's finest. Look at that ear. 🍞 #Sourdough https://t.co/Pw5AhN0N8q",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1495076072727584542/photo/1",
            "indices" : [
              "48",
              "71"
            ],
            "url" : "https://t.co/Pw5AhN0N8q",
            "media_url" : "http://pbs.twimg.com/media/-U8Oi2LHLFrKSbr.jpg",
            "id_str" : "1495076014814883866",
            "id" : "1495076014814883866",
            "media_url_https" : "https://pbs.twimg.com/media/-U8Oi2LHLFrKSbr.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/Pw5AhN0N8q"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1494931361488051132"
          ],
          "editableUntil" : "2022-02-19T07:36:25.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "34",
      "id_str" : "1494931361488051132",
      "truncated" : false,
      "retweet_count" : "4",
      "id" : "1494931361488051132",
      "created_at" : "Sat Feb 19 07:06:25 +0000 2022",
      "favorited" : false,
      "full_text" : "Wind: W 8, gusting 10. Sea: high. Hat: gone. That's hat number 1 of 2022 to the Atlantic. 🎩🌊 Kettle on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1494922257111812834"
          ],
          "editableUntil" : "2022-02-19T07:00:15.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "156"
      ],
      "favorite_count" : "1",
      "id_str" : "1494922257111812834",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1494922257111812834",
      "created_at" : "Sat Feb 19 06:30:15 +0000 2022",
      "favorited" : false,
      "full_text" : "06:30: through it. Neighbour's shed roof is in my garden, greenhouse is in pieces, tower absolutely fine. She was built in 1854, she's seen worse. Coffee. ☕",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1494811780060642133",
      "in_reply_to_status_id" : "1494811780060642133",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1494811780060642133"
          ],
          "editableUntil" : "2022-02-18T23:41:15.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "107"
      ],
      "favorite_count" : "1",
      "id_str" : "1494811780060642133",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1494811780060642133",
      "created_at" : "Fri Feb 18 23:11:15 +0000 2022",
      "favorited" : false,
      "full_text" : "23:15: power's gone. Light's on the backup and turning nicely, which is the only thing that really matters.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1494788377539820344",
      "in_reply_to_status_id" : "1494788377539820344",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1494788377539820344"
          ],
          "editableUntil" : "2022-02-18T22:08:15.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "19",
      "id_str" : "1494788377539820344",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1494788377539820344",
      "created_at" : "Fri Feb 18 21:38:15 +0000 2022",
      "favorited" : false,
      "full_text" : "21:40: gusting 70 now. The whole tower is humming. Barnacle is under the duvet and declining to comment.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1494751886945027916",
      "in_reply_to_status_id" : "1494751886945027916",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1494751886945027916"
          ],
          "editableUntil" : "2022-02-18T19:43:15.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "StormWatch",
            "indices" : [
              "110",
              "121"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "3",
      "id_str" : "1494751886945027916",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1494751886945027916",
      "created_at" : "Fri Feb 18 19:13:15 +0000 2022",
      "favorited" : false,
      "full_text" : "Big blow coming in tonight. I'll keep a running log here for everyone on the mainland who keeps texting me. 🧵 #StormWatch",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1494004381334239197"
          ],
          "editableUntil" : "2022-02-16T18:12:56.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "1",
      "id_str" : "1494004381334239197",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1494004381334239197",
      "created_at" : "Wed Feb 16 17:42:56 +0000 2022",
      "favorited" : false,
      "full_text" : "@fiona_weathers Ha! Same here, sideways rain and then sunshine by lunch. 🌦️",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1493904723695302217",
      "in_reply_to_status_id" : "1493904723695302217",
      "in_reply_to_user_id" : "871203345",
      "in_reply_to_user_id_str" : "871203345",
      "in_reply_to_screen_name" : "fiona_weathers"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1493851148878375547"
          ],
          "editableUntil" : "2022-02-16T08:04:02.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Isla Fraser 🍞",
            "screen_name" : "IslaBakesBread",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "935118872",
            "id" : "935118872"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "1",
      "id_str" : "1493851148878375547",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1493851148878375547",
      "created_at" : "Wed Feb 16 07:34:02 +0000 2022",
      "favorited" : false,
      "full_text" : "@IslaBakesBread Cardamom AND orange zest? Stealing this. Will report back.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1493775396639876569",
      "in_reply_to_status_id" : "1493775396639876569",
      "in_reply_to_user_id" : "935118872",
      "in_reply_to_user_id_str" : "935118872",
      "in_reply_to_screen_name" : "IslaBakesBread"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1492859951048543988"
          ],
          "editableUntil" : "2022-02-13T14:25:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "6",
      "id_str" : "1492859951048543988",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1492859951048543988",
      "created_at" : "Sun Feb 13 13:55:22 +0000 2022",
      "favorited" : false,
      "full_text" : "Seals hauled out on the skerry this morning. Counted 23. Pretty sure one of them counted me back. 🦭",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1492052703377042155"
          ],
          "editableUntil" : "2022-02-11T08:57:40.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "1",
      "id_str" : "1492052703377042155",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1492052703377042155",
      "created_at" : "Fri Feb 11 08:27:40 +0000 2022",
      "favorited" : false,
      "full_text" : "Storm's passed. Beach is covered in kelp, two fish boxes and one (1) rubber duck. Keeping the duck. 🦆",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1488295501608743846"
          ],
          "editableUntil" : "2022-02-01T00:07:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "154"
      ],
      "favorite_count" : "85",
      "id_str" : "1488295501608743846",
      "truncated" : false,
      "retweet_count" : "13",
      "id" : "1488295501608743846",
      "created_at" : "Mon Jan 31 23:37:53 +0000 2022",
      "favorited" : false,
      "full_text" : "Ticked off M81 and M82 tonight, side by side in the same eyepiece. Two galaxies, twelve million light years off, and me in a bobble hat. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1487715393549588259"
          ],
          "editableUntil" : "2022-01-30T09:42:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1487715393549588259/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/51CALuY6Bn",
            "media_url" : "http://pbs.twimg.com/media/0nZFp0t3cX7sBlR.jpg",
            "id_str" : "1487715269970988325",
            "id" : "1487715269970988325",
            "media_url_https" : "https://pbs.twimg.com/media/0nZFp0t3cX7sBlR.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/51CALuY6Bn"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "3",
      "id_str" : "1487715393549588259",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1487715393549588259",
      "created_at" : "Sun Jan 30 09:12:44 +0000 2022",
      "favorited" : false,
      "full_text" : "https://t.co/51CALuY6Bn",
      "lang" : "zxx",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1487715393549588259/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/51CALuY6Bn",
            "media_url" : "http://pbs.twimg.com/media/0nZFp0t3cX7sBlR.jpg",
            "id_str" : "1487715269970988325",
            "id" : "1487715269970988325",
            "media_url_https" : "https://pbs.twimg.com/media/0nZFp0t3cX7sBlR.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/51CALuY6Bn"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1482422060342213981"
          ],
          "editableUntil" : "2022-01-15T19:08:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Kate Penrose",
            "screen_name" : "coastal_kate",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "2967451182",
            "id" : "2967451182"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "2",
      "id_str" : "1482422060342213981",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1482422060342213981",
      "created_at" : "Sat Jan 15 18:38:55 +0000 2022",
      "favorited" : false,
      "full_text" : "@coastal_kate The doll's arm is still on my windowsill. I don't know why either.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1482337500161175809",
      "in_reply_to_status_id" : "1482337500161175809",
      "in_reply_to_user_id" : "2967451182",
      "in_reply_to_user_id_str" : "2967451182",
      "in_reply_to_screen_name" : "coastal_kate"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1481181287456473469"
          ],
          "editableUntil" : "2022-01-12T08:58:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "102"
      ],
      "favorite_count" : "2",
      "id_str" : "1481181287456473469",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1481181287456473469",
      "created_at" : "Wed Jan 12 08:28:32 +0000 2022",
      "favorited" : false,
      "full_text" : "Fog so thick I can't see the end of the jetty. The gulls have gone quiet, which is always a bit eerie.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1480825718430310456"
          ],
          "editableUntil" : "2022-01-11T09:25:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "StormWatch",
            "indices" : [
              "101",
              "112"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "112"
      ],
      "favorite_count" : "1",
      "id_str" : "1480825718430310456",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1480825718430310456",
      "created_at" : "Tue Jan 11 08:55:38 +0000 2022",
      "favorited" : false,
      "full_text" : "Named storm on the way. The sheep have already gone round the lee side of the hill. Trust the sheep. #StormWatch",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1479206046327092412"
          ],
          "editableUntil" : "2022-01-06T22:09:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "134"
      ],
      "favorite_count" : "4",
      "id_str" : "1479206046327092412",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1479206046327092412",
      "created_at" : "Thu Jan 06 21:39:38 +0000 2022",
      "favorited" : false,
      "full_text" : "Dew on the eyepiece, frost on the tube, fingers gone numb. Saw the Orion Nebula like grey smoke. Worth every second. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1476316422069387733"
          ],
          "editableUntil" : "2021-12-29T22:47:18.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "1",
      "id_str" : "1476316422069387733",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1476316422069387733",
      "created_at" : "Wed Dec 29 22:17:18 +0000 2021",
      "favorited" : false,
      "full_text" : "Bright moon tonight and every faint thing has gone home. Moon nights are for books, not telescopes.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1474356217122705517"
          ],
          "editableUntil" : "2021-12-24T12:58:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1474356217122705517/photo/1",
            "indices" : [
              "46",
              "69"
            ],
            "url" : "https://t.co/TYOx7TsOEe",
            "media_url" : "http://pbs.twimg.com/media/qqVpKvCAoFM9B67.jpg",
            "id_str" : "1474356167230745495",
            "id" : "1474356167230745495",
            "media_url_https" : "https://pbs.twimg.com/media/qqVpKvCAoFM9B67.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/TYOx7TsOEe"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "69"
      ],
      "favorite_count" : "1",
      "id_str" : "1474356217122705517",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1474356217122705517",
      "created_at" : "Fri Dec 24 12:28:09 +0000 2021",
      "favorited" : false,
      "full_text" : "The Guillemot coming in through the spray. ⛴️ https://t.co/TYOx7TsOEe",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1474356217122705517/photo/1",
            "indices" : [
              "46",
              "69"
            ],
            "url" : "https://t.co/TYOx7TsOEe",
            "media_url" : "http://pbs.twimg.com/media/qqVpKvCAoFM9B67.jpg",
            "id_str" : "1474356167230745495",
            "id" : "1474356167230745495",
            "media_url_https" : "https://pbs.twimg.com/media/qqVpKvCAoFM9B67.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/TYOx7TsOEe"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1474031865102905602"
          ],
          "editableUntil" : "2021-12-23T15:29:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "25",
      "id_str" : "1474031865102905602",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1474031865102905602",
      "created_at" : "Thu Dec 23 14:59:17 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #7: wind from the east. Apparently that's not allowed.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1471365573484785324"
          ],
          "editableUntil" : "2021-12-16T06:54:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Sourdough",
            "indices" : [
              "88",
              "98"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "98"
      ],
      "favorite_count" : "2",
      "id_str" : "1471365573484785324",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1471365573484785324",
      "created_at" : "Thu Dec 16 06:24:24 +0000 2021",
      "favorited" : false,
      "full_text" : "Tried a new flour from the mainland mill. Nuttier, darker, a bit wild. Gloria approves. #Sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1470892720452924197"
          ],
          "editableUntil" : "2021-12-14T23:35:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "6",
      "id_str" : "1470892720452924197",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1470892720452924197",
      "created_at" : "Tue Dec 14 23:05:27 +0000 2021",
      "favorited" : false,
      "full_text" : "Geminids through gaps in the cloud. Saw twelve and one absolute fireball. Frozen solid. Worth it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1466401597006508830"
          ],
          "editableUntil" : "2021-12-02T14:09:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "CatsOfTwitter",
            "indices" : [
              "108",
              "122"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "3",
      "id_str" : "1466401597006508830",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1466401597006508830",
      "created_at" : "Thu Dec 02 13:39:19 +0000 2021",
      "favorited" : false,
      "full_text" : "Bought the cat a lovely new bed. He sleeps in the box it came in. Every cat owner in the world just nodded. #CatsOfTwitter",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1466327110531807585"
          ],
          "editableUntil" : "2021-12-02T09:13:20.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "2",
      "id_str" : "1466327110531807585",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1466327110531807585",
      "created_at" : "Thu Dec 02 08:43:20 +0000 2021",
      "favorited" : false,
      "full_text" : "Snow! Proper snow, settling! It lasted eleven minutes. Barnacle was outraged by every one of them. ❄️",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1465313756846870425"
          ],
          "editableUntil" : "2021-11-29T14:06:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "84"
      ],
      "favorite_count" : "3",
      "id_str" : "1465313756846870425",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1465313756846870425",
      "created_at" : "Mon Nov 29 13:36:38 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #6: gannets. Just 'gannets'. No further detail was given.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1464547701935369986"
          ],
          "editableUntil" : "2021-11-27T11:22:36.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "9",
      "id_str" : "1464547701935369986",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1464547701935369986",
      "created_at" : "Sat Nov 27 10:52:36 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #5: a seal asleep on the slipway. Nobody wanted to wake him. Honestly? Fair.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1464371279803444334"
          ],
          "editableUntil" : "2021-11-26T23:41:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "120"
      ],
      "favorite_count" : "3",
      "id_str" : "1464371279803444334",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1464371279803444334",
      "created_at" : "Fri Nov 26 23:11:34 +0000 2021",
      "favorited" : false,
      "full_text" : "Orion's back in the evening sky. Like an old friend turning up at the door with a bottle of something. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1462500174229389377"
          ],
          "editableUntil" : "2021-11-21T19:46:28.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "171"
      ],
      "favorite_count" : "5",
      "id_str" : "1462500174229389377",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1462500174229389377",
      "created_at" : "Sun Nov 21 19:16:28 +0000 2021",
      "favorited" : false,
      "full_text" : "They rang back. I came for six months. That was 2013. The cat came with the job, the telescope came later, and Gloria came with me in a jam jar on my lap the whole way up.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1462499460906542796",
      "in_reply_to_status_id" : "1462499460906542796",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1462499460906542796"
          ],
          "editableUntil" : "2021-11-21T19:43:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "159"
      ],
      "favorite_count" : "1",
      "id_str" : "1462499460906542796",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1462499460906542796",
      "created_at" : "Sun Nov 21 19:13:38 +0000 2021",
      "favorited" : false,
      "full_text" : "Grew up in Cornwall, twenty years in a bakery in Truro, got divorced, saw an advert for an attendant keeper on an island I'd never heard of. Applied as a joke.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1462498789779877580",
      "in_reply_to_status_id" : "1462498789779877580",
      "in_reply_to_user_id" : "1049213867",
      "in_reply_to_user_id_str" : "1049213867",
      "in_reply_to_screen_name" : "mags_lamproom"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1462498789779877580"
          ],
          "editableUntil" : "2021-11-21T19:40:58.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "6",
      "id_str" : "1462498789779877580",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1462498789779877580",
      "created_at" : "Sun Nov 21 19:10:58 +0000 2021",
      "favorited" : false,
      "full_text" : "Since a few folk have asked how I ended up keeping a light on a rock in the Atlantic, a short thread. 🧵",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1460894323691723522"
          ],
          "editableUntil" : "2021-11-17T09:25:23.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "59"
      ],
      "favorite_count" : "9",
      "id_str" : "1460894323691723522",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1460894323691723522",
      "created_at" : "Wed Nov 17 08:55:23 +0000 2021",
      "favorited" : false,
      "full_text" : "Tried a rye loaf. It's a brick. A tasty brick, but a brick.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1460634222811827123"
          ],
          "editableUntil" : "2021-11-16T16:11:50.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra Primary",
            "screen_name" : "skerra_school",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "3899012456",
            "id" : "3899012456"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "1",
      "id_str" : "1460634222811827123",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1460634222811827123",
      "created_at" : "Tue Nov 16 15:41:50 +0000 2021",
      "favorited" : false,
      "full_text" : "@skerra_school Thank you for having me! Tell the class the satsuma is doing fine.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1460571307574771786",
      "in_reply_to_status_id" : "1460571307574771786",
      "in_reply_to_user_id" : "3899012456",
      "in_reply_to_user_id_str" : "3899012456",
      "in_reply_to_screen_name" : "skerra_school"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1460625780734769250"
          ],
          "editableUntil" : "2021-11-16T15:38:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra Primary",
            "screen_name" : "skerra_school",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "3899012456",
            "id" : "3899012456"
          },
          {
            "name" : "Mags Tregenna 🌊🔭",
            "screen_name" : "mags_lamproom",
            "indices" : [
              "34",
              "48"
            ],
            "id_str" : "1049213867",
            "id" : "1049213867"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1460625780734769250",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1460625780734769250",
      "created_at" : "Tue Nov 16 15:08:17 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @skerra_school: Huge thanks to @mags_lamproom for teaching us about the moon today. We used a torch and a satsuma! Primary 1-7 are now v…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1460587775742161045"
          ],
          "editableUntil" : "2021-11-16T13:07:16.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "136"
      ],
      "favorite_count" : "1",
      "id_str" : "1460587775742161045",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1460587775742161045",
      "created_at" : "Tue Nov 16 12:37:16 +0000 2021",
      "favorited" : false,
      "full_text" : "Taught the whole primary school (all nine of them) the phases of the moon with a torch and a satsuma. Nine future astronomers. Probably.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1459967973378662710"
          ],
          "editableUntil" : "2021-11-14T20:04:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Kate Penrose",
            "screen_name" : "coastal_kate",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "2967451182",
            "id" : "2967451182"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "133"
      ],
      "favorite_count" : "0",
      "id_str" : "1459967973378662710",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1459967973378662710",
      "created_at" : "Sun Nov 14 19:34:24 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @coastal_kate: Beachcombing rule number one: there is always rope. Rule number two: nobody knows where the single shoes come from.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1459809942733680180"
          ],
          "editableUntil" : "2021-11-14T09:36:26.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "1",
      "id_str" : "1459809942733680180",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1459809942733680180",
      "created_at" : "Sun Nov 14 09:06:26 +0000 2021",
      "favorited" : false,
      "full_text" : "Tide's in a hurry today. You can hear it pouring through the narrows from the kitchen.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1459494372672278950"
          ],
          "editableUntil" : "2021-11-13T12:42:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "144"
      ],
      "favorite_count" : "17",
      "id_str" : "1459494372672278950",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1459494372672278950",
      "created_at" : "Sat Nov 13 12:12:29 +0000 2021",
      "favorited" : false,
      "full_text" : "Barnacle has learned that the fridge door makes a noise. Barnacle now comes running every time it opens. I live with a very orange alarm system.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1458753661270277456"
          ],
          "editableUntil" : "2021-11-11T11:39:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "48"
      ],
      "favorite_count" : "1",
      "id_str" : "1458753661270277456",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1458753661270277456",
      "created_at" : "Thu Nov 11 11:09:09 +0000 2021",
      "favorited" : false,
      "full_text" : "flat calm this morning, i don't trust it one bit",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1458021240566039842"
          ],
          "editableUntil" : "2021-11-09T11:08:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "1",
      "id_str" : "1458021240566039842",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1458021240566039842",
      "created_at" : "Tue Nov 09 10:38:47 +0000 2021",
      "favorited" : false,
      "full_text" : "Made the 0730 sailing with thirty seconds to spare and a loaf under each arm. Exhilarating.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1456034153187378167"
          ],
          "editableUntil" : "2021-11-03T23:32:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Sky Notes",
            "screen_name" : "northsky_notes",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "3348127790",
            "id" : "3348127790"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "2",
      "id_str" : "1456034153187378167",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1456034153187378167",
      "created_at" : "Wed Nov 03 23:02:48 +0000 2021",
      "favorited" : false,
      "full_text" : "@northsky_notes Saw it! Bright green for a good five minutes over the lighthouse.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1456006972581472294",
      "in_reply_to_status_id" : "1456006972581472294",
      "in_reply_to_user_id" : "3348127790",
      "in_reply_to_user_id_str" : "3348127790",
      "in_reply_to_screen_name" : "northsky_notes"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1456022645420043204"
          ],
          "editableUntil" : "2021-11-03T22:47:04.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "aurora",
            "indices" : [
              "114",
              "121"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "3",
      "id_str" : "1456022645420043204",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1456022645420043204",
      "created_at" : "Wed Nov 03 22:17:04 +0000 2021",
      "favorited" : false,
      "full_text" : "Faint aurora on the northern horizon tonight. Green glow and a couple of rays. Not the big show but I'll take it. #aurora",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1455146587305872617"
          ],
          "editableUntil" : "2021-11-01T12:45:56.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Tamsin T.",
            "screen_name" : "tamsin_tregenna",
            "indices" : [
              "3",
              "19"
            ],
            "id_str" : "2750113094",
            "id" : "2750113094"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1455146587305872617",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1455146587305872617",
      "created_at" : "Mon Nov 01 12:15:56 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @tamsin_tregenna: My big sister keeps a lighthouse, bakes the best bread in the north, and owns the rudest cat alive. Go follow her: @ma…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1454756063692934078"
          ],
          "editableUntil" : "2021-10-31T10:54:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "1",
      "id_str" : "1454756063692934078",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1454756063692934078",
      "created_at" : "Sun Oct 31 10:24:08 +0000 2021",
      "favorited" : false,
      "full_text" : "Spindrift coming right over the cliff tops this morning. Salt on the kitchen window, sixty metres up.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1454703856820733253"
          ],
          "editableUntil" : "2021-10-31T07:26:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "128"
      ],
      "favorite_count" : "2",
      "id_str" : "1454703856820733253",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1454703856820733253",
      "created_at" : "Sun Oct 31 06:56:41 +0000 2021",
      "favorited" : false,
      "full_text" : "The wind has taken the washing line. Not the washing. The LINE. The washing is still pegged to it, somewhere over Norway by now.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1453382439817562793"
          ],
          "editableUntil" : "2021-10-27T15:55:50.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "127"
      ],
      "favorite_count" : "2",
      "id_str" : "1453382439817562793",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1453382439817562793",
      "created_at" : "Wed Oct 27 15:25:50 +0000 2021",
      "favorited" : false,
      "full_text" : "Grey seal pup on the south beach, white and fluffy and furious. Keeping well back. Mum's just offshore watching me like a hawk.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1453255403738533401"
          ],
          "editableUntil" : "2021-10-27T07:31:03.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "1",
      "id_str" : "1453255403738533401",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1453255403738533401",
      "created_at" : "Wed Oct 27 07:01:03 +0000 2021",
      "favorited" : false,
      "full_text" : "Wind: NE 8, gusting 10. Sea: high. Hat: gone. That's hat number 2 of 2021 to the Atlantic. 🎩🌊",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1452759849744514063"
          ],
          "editableUntil" : "2021-10-25T22:41:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "1",
      "id_str" : "1452759849744514063",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1452759849744514063",
      "created_at" : "Mon Oct 25 22:11:53 +0000 2021",
      "favorited" : false,
      "full_text" : "Pleiades rising over the sea. Seven sisters, I can see six. The seventh is always shy.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1451227501804729289"
          ],
          "editableUntil" : "2021-10-21T17:12:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "49"
      ],
      "favorite_count" : "1",
      "id_str" : "1451227501804729289",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1451227501804729289",
      "created_at" : "Thu Oct 21 16:42:53 +0000 2021",
      "favorited" : false,
      "full_text" : "Flat calm this morning. I don't trust it one bit.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1450930959504638577"
          ],
          "editableUntil" : "2021-10-20T21:34:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "1",
      "id_str" : "1450930959504638577",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1450930959504638577",
      "created_at" : "Wed Oct 20 21:04:32 +0000 2021",
      "favorited" : false,
      "full_text" : "Barnacle has caught a mouse!! (Barnacle has caught a leaf. He is very proud of the leaf.)",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1448564706410943642"
          ],
          "editableUntil" : "2021-10-14T08:51:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "2",
      "id_str" : "1448564706410943642",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1448564706410943642",
      "created_at" : "Thu Oct 14 08:21:53 +0000 2021",
      "favorited" : false,
      "full_text" : "October gales are here. Every window on the west side hums a different note. The whole house is a wind instrument.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1448277471536630924"
          ],
          "editableUntil" : "2021-10-13T13:50:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "111"
      ],
      "favorite_count" : "9",
      "id_str" : "1448277471536630924",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1448277471536630924",
      "created_at" : "Wed Oct 13 13:20:31 +0000 2021",
      "favorited" : false,
      "full_text" : "Container ship sheltering in the lee of the island tonight, lit up like a small town. Wonder where she's bound.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1447135447514415066"
          ],
          "editableUntil" : "2021-10-10T10:12:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "107"
      ],
      "favorite_count" : "2",
      "id_str" : "1447135447514415066",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1447135447514415066",
      "created_at" : "Sun Oct 10 09:42:31 +0000 2021",
      "favorited" : false,
      "full_text" : "Scrubbed the lamp room windows inside and out. Salt crust like a pretzel. The view afterwards was worth it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1446804409899320359"
          ],
          "editableUntil" : "2021-10-09T12:17:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "1",
      "id_str" : "1446804409899320359",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1446804409899320359",
      "created_at" : "Sat Oct 09 11:47:06 +0000 2021",
      "favorited" : false,
      "full_text" : "Lifeboat went out at first light. Everybody home safe. Buy your lifeboat crew a pint this weekend, they've earned it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1446362894701655057"
          ],
          "editableUntil" : "2021-10-08T07:02:40.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "102"
      ],
      "favorite_count" : "1",
      "id_str" : "1446362894701655057",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1446362894701655057",
      "created_at" : "Fri Oct 08 06:32:40 +0000 2021",
      "favorited" : false,
      "full_text" : "Wind: S 8, gusting 9. Sea: high. Hat: gone. That's hat number 1 of 2021 to the Atlantic. 🎩🌊 Kettle on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1445724969729243233"
          ],
          "editableUntil" : "2021-10-06T12:47:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "146"
      ],
      "favorite_count" : "68",
      "id_str" : "1445724969729243233",
      "truncated" : false,
      "retweet_count" : "10",
      "id" : "1445724969729243233",
      "created_at" : "Wed Oct 06 12:17:47 +0000 2021",
      "favorited" : false,
      "full_text" : "Swapped my old telescope eyepieces with Jo for a dozen eggs and a bag of tatties. She says she'll look at the moon. I'll believe it when I see it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1444933181210177313"
          ],
          "editableUntil" : "2021-10-04T08:21:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1444933181210177313/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/W9iI1uXnjS",
            "media_url" : "http://pbs.twimg.com/media/ZGQnEAi-WXBKVQz.jpg",
            "id_str" : "1444932963763926884",
            "id" : "1444932963763926884",
            "media_url_https" : "https://pbs.twimg.com/media/ZGQnEAi-WXBKVQz.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/W9iI1uXnjS"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "2",
      "id_str" : "1444933181210177313",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1444933181210177313",
      "created_at" : "Mon Oct 04 07:51:30 +0000 2021",
      "favorited" : false,
      "full_text" : "https://t.co/W9iI1uXnjS",
      "lang" : "zxx",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1444933181210177313/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/W9iI1uXnjS",
            "media_url" : "http://pbs.twimg.com/media/ZGQnEAi-WXBKVQz.jpg",
            "id_str" : "1444932963763926884",
            "id" : "1444932963763926884",
            "media_url_https" : "https://pbs.twimg.com/media/ZGQnEAi-WXBKVQz.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/W9iI1uXnjS"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1443866827097382527"
          ],
          "editableUntil" : "2021-10-01T09:44:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "40"
      ],
      "favorite_count" : "1",
      "id_str" : "1443866827097382527",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1443866827097382527",
      "created_at" : "Fri Oct 01 09:14:11 +0000 2021",
      "favorited" : false,
      "full_text" : "the guillemot is late... of course it is",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1443682655494614416"
          ],
          "editableUntil" : "2021-09-30T21:32:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "146"
      ],
      "favorite_count" : "4",
      "id_str" : "1443682655494614416",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1443682655494614416",
      "created_at" : "Thu Sep 30 21:02:22 +0000 2021",
      "favorited" : false,
      "full_text" : "Andromeda from the back garden: a faint grey smudge whose light set off two and a half million years ago. Puts the ferry timetable in perspective.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1442925228860224250"
          ],
          "editableUntil" : "2021-09-28T19:22:37.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Isles Seabird Count",
            "screen_name" : "seabird_survey",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "1129384756",
            "id" : "1129384756"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "132"
      ],
      "favorite_count" : "0",
      "id_str" : "1442925228860224250",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1442925228860224250",
      "created_at" : "Tue Sep 28 18:52:37 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @seabird_survey: Preliminary results are in: puffin burrows on Skerra up 8% on last year. Huge thanks to our volunteer counters 🐧",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1442424863019981540"
          ],
          "editableUntil" : "2021-09-27T10:14:20.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "92"
      ],
      "favorite_count" : "2",
      "id_str" : "1442424863019981540",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1442424863019981540",
      "created_at" : "Mon Sep 27 09:44:20 +0000 2021",
      "favorited" : false,
      "full_text" : "The rain has been horizontal for three days. I have forgotten what vertical rain looks like.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1439720402305172854"
          ],
          "editableUntil" : "2021-09-19T23:07:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "126"
      ],
      "favorite_count" : "1",
      "id_str" : "1439720402305172854",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1439720402305172854",
      "created_at" : "Sun Sep 19 22:37:47 +0000 2021",
      "favorited" : false,
      "full_text" : "Hall committee meeting tonight. Agenda: the bench, the other bench, and whether we need a third bench. Two hours. No decision.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1439132297515360601"
          ],
          "editableUntil" : "2021-09-18T08:10:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "76"
      ],
      "favorite_count" : "2",
      "id_str" : "1439132297515360601",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1439132297515360601",
      "created_at" : "Sat Sep 18 07:40:52 +0000 2021",
      "favorited" : false,
      "full_text" : "Up and down the 97 steps to the lamp room four times today. Who needs a gym.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1438801958348505612"
          ],
          "editableUntil" : "2021-09-17T10:18:13.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Fiona MacRae",
            "screen_name" : "fiona_weathers",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "871203345",
            "id" : "871203345"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "1",
      "id_str" : "1438801958348505612",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1438801958348505612",
      "created_at" : "Fri Sep 17 09:48:13 +0000 2021",
      "favorited" : false,
      "full_text" : "@fiona_weathers 81mph at our station at 0340. The rain gauge has given up and gone home.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1438765216291394144",
      "in_reply_to_status_id" : "1438765216291394144",
      "in_reply_to_user_id" : "871203345",
      "in_reply_to_user_id_str" : "871203345",
      "in_reply_to_screen_name" : "fiona_weathers"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1438798368878680612"
          ],
          "editableUntil" : "2021-09-17T10:03:57.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "1",
      "id_str" : "1438798368878680612",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1438798368878680612",
      "created_at" : "Fri Sep 17 09:33:57 +0000 2021",
      "favorited" : false,
      "full_text" : "Storm petrels around the light last night. Tiny things, out in all that. I don't know how they do it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1438430607579081976"
          ],
          "editableUntil" : "2021-09-16T09:42:36.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "131"
      ],
      "favorite_count" : "4",
      "id_str" : "1438430607579081976",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1438430607579081976",
      "created_at" : "Thu Sep 16 09:12:36 +0000 2021",
      "favorited" : false,
      "full_text" : "Thunder out at sea tonight. Watched the lightning walk along the horizon from the gallery. Magnificent &amp; slightly terrifying. ⚡",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1438266596477394671"
          ],
          "editableUntil" : "2021-09-15T22:50:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "155"
      ],
      "favorite_count" : "1",
      "id_str" : "1438266596477394671",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1438266596477394671",
      "created_at" : "Wed Sep 15 22:20:52 +0000 2021",
      "favorited" : false,
      "full_text" : "Jupiter and all four big moons lined up like beads. Showed Morag from the shop and she said 'oh!' and then nothing for a full minute. Best review I've had.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1438166244748856338"
          ],
          "editableUntil" : "2021-09-15T16:12:07.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Porthmorrow Astronomical Society",
            "screen_name" : "PorthAstroSoc",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "1436620017",
            "id" : "1436620017"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "1",
      "id_str" : "1438166244748856338",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1438166244748856338",
      "created_at" : "Wed Sep 15 15:42:07 +0000 2021",
      "favorited" : false,
      "full_text" : "@PorthAstroSoc Count me in for the talk! If the ferry runs. Big if.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1438134789858009131",
      "in_reply_to_status_id" : "1438134789858009131",
      "in_reply_to_user_id" : "1436620017",
      "in_reply_to_user_id_str" : "1436620017",
      "in_reply_to_screen_name" : "PorthAstroSoc"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1437910026821438162"
          ],
          "editableUntil" : "2021-09-14T23:14:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "3",
      "id_str" : "1437910026821438162",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1437910026821438162",
      "created_at" : "Tue Sep 14 22:44:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Cat on my lap, storm on the windows, kettle on. Not moving for anything short of a shipwreck.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1437334408779640647"
          ],
          "editableUntil" : "2021-09-13T09:06:42.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "3",
      "id_str" : "1437334408779640647",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1437334408779640647",
      "created_at" : "Mon Sep 13 08:36:42 +0000 2021",
      "favorited" : false,
      "full_text" : "It's blowing a hoolie. Took two of us to shut the tower door, and one of us was the cat.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1435351754410026265"
          ],
          "editableUntil" : "2021-09-07T21:48:20.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "1",
      "id_str" : "1435351754410026265",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1435351754410026265",
      "created_at" : "Tue Sep 07 21:18:20 +0000 2021",
      "favorited" : false,
      "full_text" : "Darkest sky for eighty miles, and I keep a lighthouse in the middle of it. I am aware of the irony.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1435269410688523584"
          ],
          "editableUntil" : "2021-09-07T16:21:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "1",
      "id_str" : "1435269410688523584",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1435269410688523584",
      "created_at" : "Tue Sep 07 15:51:08 +0000 2021",
      "favorited" : false,
      "full_text" : "Barnacle's nicked ear twitches when the wind is about to change. More reliable than the weather station, honestly.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1435234748265058242"
          ],
          "editableUntil" : "2021-09-07T14:03:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "171"
      ],
      "favorite_count" : "1",
      "id_str" : "1435234748265058242",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1435234748265058242",
      "created_at" : "Tue Sep 07 13:33:24 +0000 2021",
      "favorited" : false,
      "full_text" : "Watched the Guillemot come in through the spray from the lamp gallery. Rolling like a barrel but she made it. Hats off to the crew. (Not literally. I've lost enough hats.)",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1435141203466802103"
          ],
          "editableUntil" : "2021-09-07T07:51:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "52"
      ],
      "favorite_count" : "3",
      "id_str" : "1435141203466802103",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1435141203466802103",
      "created_at" : "Tue Sep 07 07:21:41 +0000 2021",
      "favorited" : false,
      "full_text" : "@dougie_harbour The ramp. Of course it's the ramp. 😂",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1435076530191022818",
      "in_reply_to_status_id" : "1435076530191022818",
      "in_reply_to_user_id" : "2318840771",
      "in_reply_to_user_id_str" : "2318840771",
      "in_reply_to_screen_name" : "dougie_harbour"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1432810898690561164"
          ],
          "editableUntil" : "2021-08-31T21:31:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "118"
      ],
      "favorite_count" : "1",
      "id_str" : "1432810898690561164",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1432810898690561164",
      "created_at" : "Tue Aug 31 21:01:53 +0000 2021",
      "favorited" : false,
      "full_text" : "Saturn through the Dob tonight. The first time I saw the rings I gasped out loud. I still do, a bit. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1432632166929308424"
          ],
          "editableUntil" : "2021-08-31T09:41:40.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "137"
      ],
      "favorite_count" : "1",
      "id_str" : "1432632166929308424",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1432632166929308424",
      "created_at" : "Tue Aug 31 09:11:40 +0000 2021",
      "favorited" : false,
      "full_text" : "Mainland day: dentist, post office, big supermarket, library. Home on the last boat with a bag of books and a sack of flour. Perfect day.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1430140028760751375"
          ],
          "editableUntil" : "2021-08-24T12:38:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "39"
      ],
      "favorite_count" : "3",
      "id_str" : "1430140028760751375",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1430140028760751375",
      "created_at" : "Tue Aug 24 12:08:48 +0000 2021",
      "favorited" : false,
      "full_text" : "The Guillemot is late. Of course it is.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1429738747715870233"
          ],
          "editableUntil" : "2021-08-23T10:04:15.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Tamsin T.",
            "screen_name" : "tamsin_tregenna",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "2750113094",
            "id" : "2750113094"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "82"
      ],
      "favorite_count" : "4",
      "id_str" : "1429738747715870233",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1429738747715870233",
      "created_at" : "Mon Aug 23 09:34:15 +0000 2021",
      "favorited" : false,
      "full_text" : "@tamsin_tregenna He's fine, he's asleep on the radio. Stop worrying about the cat.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1429681370452353125",
      "in_reply_to_status_id" : "1429681370452353125",
      "in_reply_to_user_id" : "2750113094",
      "in_reply_to_user_id_str" : "2750113094",
      "in_reply_to_screen_name" : "tamsin_tregenna"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1429037514356072197"
          ],
          "editableUntil" : "2021-08-21T11:37:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "106"
      ],
      "favorite_count" : "1",
      "id_str" : "1429037514356072197",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1429037514356072197",
      "created_at" : "Sat Aug 21 11:07:48 +0000 2021",
      "favorited" : false,
      "full_text" : "Sat in the car at the pier for two hours listening to the shipping forecast. There are worse ways to wait.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1428777541597014447"
          ],
          "editableUntil" : "2021-08-20T18:24:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "29",
      "id_str" : "1428777541597014447",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1428777541597014447",
      "created_at" : "Fri Aug 20 17:54:45 +0000 2021",
      "favorited" : false,
      "full_text" : "Sunrise turned the whole sea pink for about ninety seconds, then back to grey. Glad I was up.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1428756933200827016"
          ],
          "editableUntil" : "2021-08-20T17:02:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "1",
      "id_str" : "1428756933200827016",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1428756933200827016",
      "created_at" : "Fri Aug 20 16:32:52 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #4: 'technical issue with the ramp'. The ramp is stuck again.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1426665686370470701"
          ],
          "editableUntil" : "2021-08-14T22:33:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "141"
      ],
      "favorite_count" : "4",
      "id_str" : "1426665686370470701",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1426665686370470701",
      "created_at" : "Sat Aug 14 22:03:00 +0000 2021",
      "favorited" : false,
      "full_text" : "First properly dark night since May. Stood in the garden and just looked up for a bit before I even touched the telescope. Missed you, stars.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1425981088158911108"
          ],
          "editableUntil" : "2021-08-13T01:12:39.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Perseids",
            "indices" : [
              "150",
              "159"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "177"
      ],
      "favorite_count" : "1",
      "id_str" : "1425981088158911108",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1425981088158911108",
      "created_at" : "Fri Aug 13 00:42:39 +0000 2021",
      "favorited" : false,
      "full_text" : "PERSEIDS. Counted 41 in an hour from the garden, one so bright it left a trail. Lying on a sunlounger in a hat and gloves in August, as is tradition. #Perseids Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1424756955868864145"
          ],
          "editableUntil" : "2021-08-09T16:08:23.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1424756955868864145/photo/1",
            "indices" : [
              "31",
              "54"
            ],
            "url" : "https://t.co/DbbNf58oPM",
            "media_url" : "http://pbs.twimg.com/media/gxr3ed9RwafI59k.jpg",
            "id_str" : "1424756845620516993",
            "id" : "1424756845620516993",
            "media_url_https" : "https://pbs.twimg.com/media/gxr3ed9RwafI59k.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/DbbNf58oPM"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "54"
      ],
      "favorite_count" : "1",
      "id_str" : "1424756955868864145",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1424756955868864145",
      "created_at" : "Mon Aug 09 15:38:23 +0000 2021",
      "favorited" : false,
      "full_text" : "This morning from the gallery. https://t.co/DbbNf58oPM",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1424756955868864145/photo/1",
            "indices" : [
              "31",
              "54"
            ],
            "url" : "https://t.co/DbbNf58oPM",
            "media_url" : "http://pbs.twimg.com/media/gxr3ed9RwafI59k.jpg",
            "id_str" : "1424756845620516993",
            "id" : "1424756845620516993",
            "media_url_https" : "https://pbs.twimg.com/media/gxr3ed9RwafI59k.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/DbbNf58oPM"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1424158386646545339"
          ],
          "editableUntil" : "2021-08-08T00:29:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "123"
      ],
      "favorite_count" : "1",
      "id_str" : "1424158386646545339",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1424158386646545339",
      "created_at" : "Sat Aug 07 23:59:53 +0000 2021",
      "favorited" : false,
      "full_text" : "The beam sweeps over every ten seconds, so my observing gets done in ten-second chunks. Keeps you humble. Clear skies, M. ✨",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1423591251227304369"
          ],
          "editableUntil" : "2021-08-06T10:56:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "1",
      "id_str" : "1423591251227304369",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1423591251227304369",
      "created_at" : "Fri Aug 06 10:26:17 +0000 2021",
      "favorited" : false,
      "full_text" : "Drizzle so fine it doesn't fall, it just hangs there waiting for you to walk into it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1422211531175043764"
          ],
          "editableUntil" : "2021-08-02T15:33:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "1",
      "id_str" : "1422211531175043764",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1422211531175043764",
      "created_at" : "Mon Aug 02 15:03:47 +0000 2021",
      "favorited" : false,
      "full_text" : "Dolphins in the harbour mouth! Five or six, leaping. Dropped my shopping. Worth it. 🐬",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1421600906679353989"
          ],
          "editableUntil" : "2021-07-31T23:07:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "105"
      ],
      "favorite_count" : "4",
      "id_str" : "1421600906679353989",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1421600906679353989",
      "created_at" : "Sat Jul 31 22:37:22 +0000 2021",
      "favorited" : false,
      "full_text" : "...and then realised I'd left the lens cap on for the first forty minutes. Astronomy is a humbling hobby.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1421600258317466113"
          ],
          "editableUntil" : "2021-07-31T23:04:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "137"
      ],
      "favorite_count" : "1",
      "id_str" : "1421600258317466113",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1421600258317466113",
      "created_at" : "Sat Jul 31 22:34:48 +0000 2021",
      "favorited" : false,
      "full_text" : "Spent the whole evening setting up for the meteor shower: tripod weighed down with rocks, batteries warming in my pocket, lens cleaned...",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1420334877858721714"
          ],
          "editableUntil" : "2021-07-28T11:16:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "2",
      "id_str" : "1420334877858721714",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1420334877858721714",
      "created_at" : "Wed Jul 28 10:46:38 +0000 2021",
      "favorited" : false,
      "full_text" : "Barnacle has claimed the warm spot on top of the radio. The shipping forecast now comes with purring.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1418216734019629584"
          ],
          "editableUntil" : "2021-07-22T14:59:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1418216734019629584/photo/1",
            "indices" : [
              "49",
              "72"
            ],
            "url" : "https://t.co/tTnC9SAX0Z",
            "media_url" : "http://pbs.twimg.com/media/-BMDZGiqOgqIWdl.jpg",
            "id_str" : "1418216615938662658",
            "id" : "1418216615938662658",
            "media_url_https" : "https://pbs.twimg.com/media/-BMDZGiqOgqIWdl.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/tTnC9SAX0Z"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "72"
      ],
      "favorite_count" : "3",
      "id_str" : "1418216734019629584",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1418216734019629584",
      "created_at" : "Thu Jul 22 14:29:53 +0000 2021",
      "favorited" : false,
      "full_text" : "Sunset from the lamp room. Not bad for a Monday. https://t.co/tTnC9SAX0Z",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1418216734019629584/photo/1",
            "indices" : [
              "49",
              "72"
            ],
            "url" : "https://t.co/tTnC9SAX0Z",
            "media_url" : "http://pbs.twimg.com/media/-BMDZGiqOgqIWdl.jpg",
            "id_str" : "1418216615938662658",
            "id" : "1418216615938662658",
            "media_url_https" : "https://pbs.twimg.com/media/-BMDZGiqOgqIWdl.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/tTnC9SAX0Z"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1418190503401089051"
          ],
          "editableUntil" : "2021-07-22T13:15:39.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "3",
      "id_str" : "1418190503401089051",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1418190503401089051",
      "created_at" : "Thu Jul 22 12:45:39 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry's running, the sun's out, and I've got the day off. Mainland, here I come. ⛴️",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1417442994266000171"
          ],
          "editableUntil" : "2021-07-20T11:45:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1417442994266000171/photo/1",
            "indices" : [
              "42",
              "65"
            ],
            "url" : "https://t.co/PRlX3YOcQd",
            "media_url" : "http://pbs.twimg.com/media/VxNYsxScxJAlAwP.jpg",
            "id_str" : "1417442671464657435",
            "id" : "1417442671464657435",
            "media_url_https" : "https://pbs.twimg.com/media/VxNYsxScxJAlAwP.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/PRlX3YOcQd"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "65"
      ],
      "favorite_count" : "1",
      "id_str" : "1417442994266000171",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1417442994266000171",
      "created_at" : "Tue Jul 20 11:15:19 +0000 2021",
      "favorited" : false,
      "full_text" : "Rock pool treasures. (Put them all back.) https://t.co/PRlX3YOcQd",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1417442994266000171/photo/1",
            "indices" : [
              "42",
              "65"
            ],
            "url" : "https://t.co/PRlX3YOcQd",
            "media_url" : "http://pbs.twimg.com/media/VxNYsxScxJAlAwP.jpg",
            "id_str" : "1417442671464657435",
            "id" : "1417442671464657435",
            "media_url_https" : "https://pbs.twimg.com/media/VxNYsxScxJAlAwP.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/PRlX3YOcQd"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1416673545199807424"
          ],
          "editableUntil" : "2021-07-18T08:47:48.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "70"
      ],
      "favorite_count" : "1",
      "id_str" : "1416673545199807424",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1416673545199807424",
      "created_at" : "Sun Jul 18 08:17:48 +0000 2021",
      "favorited" : false,
      "full_text" : "Wind: W 5. Sea: moderate. Hat: on, held down with one hand. Kettle on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1415601425163997687"
          ],
          "editableUntil" : "2021-07-15T09:47:35.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "3",
      "id_str" : "1415601425163997687",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1415601425163997687",
      "created_at" : "Thu Jul 15 09:17:35 +0000 2021",
      "favorited" : false,
      "full_text" : "Low spring tide. Walked further out into the rock pools than I've been all year. Anemones, one furious crab, a starfish the size of my hand.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1414890254508155361"
          ],
          "editableUntil" : "2021-07-13T10:41:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "1",
      "id_str" : "1414890254508155361",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1414890254508155361",
      "created_at" : "Tue Jul 13 10:11:38 +0000 2021",
      "favorited" : false,
      "full_text" : "Saffron buns for the school fete. Made thirty-six. Thirty-one made it to the fete. No further questions.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1414248717721168642"
          ],
          "editableUntil" : "2021-07-11T16:12:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Lighthouse Lore",
            "screen_name" : "lighthouse_lore",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "1502239876",
            "id" : "1502239876"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "6",
      "id_str" : "1414248717721168642",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1414248717721168642",
      "created_at" : "Sun Jul 11 15:42:24 +0000 2021",
      "favorited" : false,
      "full_text" : "@lighthouse_lore Ours has 97 steps. I've counted. Many, many times.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1414226318809048568",
      "in_reply_to_status_id" : "1414226318809048568",
      "in_reply_to_user_id" : "1502239876",
      "in_reply_to_user_id_str" : "1502239876",
      "in_reply_to_screen_name" : "lighthouse_lore"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1412772994613534756"
          ],
          "editableUntil" : "2021-07-07T14:28:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "7",
      "id_str" : "1412772994613534756",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1412772994613534756",
      "created_at" : "Wed Jul 07 13:58:24 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #3: 'operational reasons'. The mystery deepens.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1410513872691779663"
          ],
          "editableUntil" : "2021-07-01T08:51:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "35"
      ],
      "favorite_count" : "2",
      "id_str" : "1410513872691779663",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1410513872691779663",
      "created_at" : "Thu Jul 01 08:21:27 +0000 2021",
      "favorited" : false,
      "full_text" : "Wind: NW 5. Sea: moderate. Hat: on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1409123961123864126"
          ],
          "editableUntil" : "2021-06-27T12:48:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "161"
      ],
      "favorite_count" : "1",
      "id_str" : "1409123961123864126",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1409123961123864126",
      "created_at" : "Sun Jun 27 12:18:27 +0000 2021",
      "favorited" : false,
      "full_text" : "Caught the ferry back with a sack of flour, a new bobble hat (replacement), and a very cross cat in a basket. Nobody else on the boat had a good crossing either.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1408814124587830463"
          ],
          "editableUntil" : "2021-06-26T16:17:16.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1408814124587830463/photo/1",
            "indices" : [
              "74",
              "97"
            ],
            "url" : "https://t.co/ybTpHmqeLD",
            "media_url" : "http://pbs.twimg.com/media/NHmUT-z63Gj24mR.jpg",
            "id_str" : "1408814050018180315",
            "id" : "1408814050018180315",
            "media_url_https" : "https://pbs.twimg.com/media/NHmUT-z63Gj24mR.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/ybTpHmqeLD"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "7",
      "id_str" : "1408814124587830463",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1408814124587830463",
      "created_at" : "Sat Jun 26 15:47:16 +0000 2021",
      "favorited" : false,
      "full_text" : "Puffin count day! 🐧 (There is no puffin emoji. Somebody please fix this.) https://t.co/ybTpHmqeLD",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1408814124587830463/photo/1",
            "indices" : [
              "74",
              "97"
            ],
            "url" : "https://t.co/ybTpHmqeLD",
            "media_url" : "http://pbs.twimg.com/media/NHmUT-z63Gj24mR.jpg",
            "id_str" : "1408814050018180315",
            "id" : "1408814050018180315",
            "media_url_https" : "https://pbs.twimg.com/media/NHmUT-z63Gj24mR.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/ybTpHmqeLD"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1408500120408402422"
          ],
          "editableUntil" : "2021-06-25T19:29:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "North Sky Notes",
            "screen_name" : "northsky_notes",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "3348127790",
            "id" : "3348127790"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "0",
      "id_str" : "1408500120408402422",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1408500120408402422",
      "created_at" : "Fri Jun 25 18:59:32 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @northsky_notes: Noctilucent cloud season is underway. Look low in the north around midnight for electric blue ripples.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1406949010847718291"
          ],
          "editableUntil" : "2021-06-21T12:45:58.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Tamsin T.",
            "screen_name" : "tamsin_tregenna",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "2750113094",
            "id" : "2750113094"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "68"
      ],
      "favorite_count" : "5",
      "id_str" : "1406949010847718291",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1406949010847718291",
      "created_at" : "Mon Jun 21 12:15:58 +0000 2021",
      "favorited" : false,
      "full_text" : "@tamsin_tregenna Mum's recipe! Knew I'd get you baking eventually. 💛",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1406906228518873961",
      "in_reply_to_status_id" : "1406906228518873961",
      "in_reply_to_user_id" : "2750113094",
      "in_reply_to_user_id_str" : "2750113094",
      "in_reply_to_screen_name" : "tamsin_tregenna"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1406554630186428148"
          ],
          "editableUntil" : "2021-06-20T10:38:51.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "111"
      ],
      "favorite_count" : "6",
      "id_str" : "1406554630186428148",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1406554630186428148",
      "created_at" : "Sun Jun 20 10:08:51 +0000 2021",
      "favorited" : false,
      "full_text" : "Discovered the dough rises twice as fast on the shelf in the generator room. Please don't tell my line manager.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1406196647513475651"
          ],
          "editableUntil" : "2021-06-19T10:56:21.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Porthmorrow Astronomical Society",
            "screen_name" : "PorthAstroSoc",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "1436620017",
            "id" : "1436620017"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "58"
      ],
      "favorite_count" : "30",
      "id_str" : "1406196647513475651",
      "truncated" : false,
      "retweet_count" : "4",
      "id" : "1406196647513475651",
      "created_at" : "Sat Jun 19 10:26:21 +0000 2021",
      "favorited" : false,
      "full_text" : "@PorthAstroSoc Lovely shot of M42! Is that the new camera?",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1406156884367372240",
      "in_reply_to_status_id" : "1406156884367372240",
      "in_reply_to_user_id" : "1436620017",
      "in_reply_to_user_id_str" : "1436620017",
      "in_reply_to_screen_name" : "PorthAstroSoc"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1406161444684223582"
          ],
          "editableUntil" : "2021-06-19T08:36:28.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "123"
      ],
      "favorite_count" : "84",
      "id_str" : "1406161444684223582",
      "truncated" : false,
      "retweet_count" : "13",
      "id" : "1406161444684223582",
      "created_at" : "Sat Jun 19 08:06:28 +0000 2021",
      "favorited" : false,
      "full_text" : "Cheese scones for the lifeboat crew. They came back from a shout soaked through and ate the lot standing up in the kitchen.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1403988372418659751"
          ],
          "editableUntil" : "2021-06-13T08:41:27.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Ruaridh Campbell",
            "screen_name" : "RuaridhPhoto",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "1678093420",
            "id" : "1678093420"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "70"
      ],
      "favorite_count" : "1",
      "id_str" : "1403988372418659751",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1403988372418659751",
      "created_at" : "Sun Jun 13 08:11:27 +0000 2021",
      "favorited" : false,
      "full_text" : "@RuaridhPhoto That's a stunning shot of the light. Mind if I share it?",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1403908094286273111",
      "in_reply_to_status_id" : "1403908094286273111",
      "in_reply_to_user_id" : "1678093420",
      "in_reply_to_user_id_str" : "1678093420",
      "in_reply_to_screen_name" : "RuaridhPhoto"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1402936533317985114"
          ],
          "editableUntil" : "2021-06-10T11:01:49.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1402936533317985114/photo/1",
            "indices" : [
              "154",
              "177"
            ],
            "url" : "https://t.co/GBZOKSNzua",
            "media_url" : "http://pbs.twimg.com/media/6y74HDjS0Y0WlEm.jpg",
            "id_str" : "1402936236161156066",
            "id" : "1402936236161156066",
            "media_url_https" : "https://pbs.twimg.com/media/6y74HDjS0Y0WlEm.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/GBZOKSNzua"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "177"
      ],
      "favorite_count" : "2",
      "id_str" : "1402936533317985114",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1402936533317985114",
      "created_at" : "Thu Jun 10 10:31:49 +0000 2021",
      "favorited" : false,
      "full_text" : "Partial eclipse this morning! The clouds parted for exactly four minutes at maximum. Photo through the solar filter and I'm ridiculously pleased with it. https://t.co/GBZOKSNzua",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/mags_lamproom/status/1402936533317985114/photo/1",
            "indices" : [
              "154",
              "177"
            ],
            "url" : "https://t.co/GBZOKSNzua",
            "media_url" : "http://pbs.twimg.com/media/6y74HDjS0Y0WlEm.jpg",
            "id_str" : "1402936236161156066",
            "id" : "1402936236161156066",
            "media_url_https" : "https://pbs.twimg.com/media/6y74HDjS0Y0WlEm.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/GBZOKSNzua"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1401085592853435165"
          ],
          "editableUntil" : "2021-06-05T08:26:50.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "95"
      ],
      "favorite_count" : "7",
      "id_str" : "1401085592853435165",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1401085592853435165",
      "created_at" : "Sat Jun 05 07:56:50 +0000 2021",
      "favorited" : false,
      "full_text" : "Swapped a loaf for a bag of mackerel off the pier this morning. Island currency is very stable.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1399054535071387281"
          ],
          "editableUntil" : "2021-05-30T17:56:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/HDNJPuMh87",
            "expanded_url" : "https://en.wikipedia.org/wiki/Noctilucent_cloud",
            "display_url" : "en.wikipedia.org/wiki/Noct…",
            "indices" : [
              "52",
              "75"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "1",
      "id_str" : "1399054535071387281",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1399054535071387281",
      "created_at" : "Sun May 30 17:26:08 +0000 2021",
      "favorited" : false,
      "full_text" : "For everyone who asked what noctilucent clouds are: https://t.co/HDNJPuMh87",
      "lang" : "en",
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1397305203704232419"
          ],
          "editableUntil" : "2021-05-25T22:04:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "46"
      ],
      "favorite_count" : "3",
      "id_str" : "1397305203704232419",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1397305203704232419",
      "created_at" : "Tue May 25 21:34:55 +0000 2021",
      "favorited" : false,
      "full_text" : "Cloudy. Again. The telescope stays in its box.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1396918077388373389"
          ],
          "editableUntil" : "2021-05-24T20:26:37.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "3",
      "id_str" : "1396918077388373389",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1396918077388373389",
      "created_at" : "Mon May 24 19:56:37 +0000 2021",
      "favorited" : false,
      "full_text" : "Painted the tower door. Bright red. The wind will have it peeled by March but it looks grand today.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1393967228391643654"
          ],
          "editableUntil" : "2021-05-16T17:01:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dougie Munro",
            "screen_name" : "dougie_harbour",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "2318840771",
            "id" : "2318840771"
          },
          {
            "name" : "Skerra & Isles Ferries",
            "screen_name" : "SkerraFerries",
            "indices" : [
              "16",
              "30"
            ],
            "id_str" : "3120985536",
            "id" : "3120985536"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "30"
      ],
      "favorite_count" : "3",
      "id_str" : "1393967228391643654",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393967228391643654",
      "created_at" : "Sun May 16 16:31:00 +0000 2021",
      "favorited" : false,
      "full_text" : "@dougie_harbour @SkerraFerries",
      "lang" : "qam",
      "in_reply_to_status_id_str" : "1393907835693401229",
      "in_reply_to_status_id" : "1393907835693401229",
      "in_reply_to_user_id" : "2318840771",
      "in_reply_to_user_id_str" : "2318840771",
      "in_reply_to_screen_name" : "dougie_harbour"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1393958699793724362"
          ],
          "editableUntil" : "2021-05-16T16:27:07.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "113"
      ],
      "favorite_count" : "1",
      "id_str" : "1393958699793724362",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393958699793724362",
      "created_at" : "Sun May 16 15:57:07 +0000 2021",
      "favorited" : false,
      "full_text" : "Found a glass fishing float on the north beach. Green, hand-blown, probably older than me. Best find of the year.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1389512194222231338"
          ],
          "editableUntil" : "2021-05-04T09:58:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "76"
      ],
      "favorite_count" : "19",
      "id_str" : "1389512194222231338",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1389512194222231338",
      "created_at" : "Tue May 04 09:28:17 +0000 2021",
      "favorited" : false,
      "full_text" : "... which is exactly how she handled me, and I miss her most on bake days. 🍞",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1389511557833757412"
          ],
          "editableUntil" : "2021-05-04T09:55:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "129"
      ],
      "favorite_count" : "3",
      "id_str" : "1389511557833757412",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1389511557833757412",
      "created_at" : "Tue May 04 09:25:45 +0000 2021",
      "favorited" : false,
      "full_text" : "My mother used to say you can tell everything about a person by how they handle bread dough. Gentle but firm, patient, no fuss...",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1388071024690527751"
          ],
          "editableUntil" : "2021-04-30T10:31:36.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "42"
      ],
      "favorite_count" : "1",
      "id_str" : "1388071024690527751",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1388071024690527751",
      "created_at" : "Fri Apr 30 10:01:36 +0000 2021",
      "favorited" : false,
      "full_text" : "…is not a ramp at all but a state of mind.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1388070623303836149"
          ],
          "editableUntil" : "2021-04-30T10:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "162"
      ],
      "favorite_count" : "2",
      "id_str" : "1388070623303836149",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1388070623303836149",
      "created_at" : "Fri Apr 30 10:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Dougie says the ferry's late because of 'a problem with the ramp', which is what he said last Tuesday, and the Tuesday before, and I'm starting to think the ramp…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1383931724383290513"
          ],
          "editableUntil" : "2021-04-19T00:23:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "46"
      ],
      "favorite_count" : "7",
      "id_str" : "1383931724383290513",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1383931724383290513",
      "created_at" : "Sun Apr 18 23:53:29 +0000 2021",
      "favorited" : false,
      "full_text" : "Cloudy. Again. The telescope stays in its box.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1382989446896552694"
          ],
          "editableUntil" : "2021-04-16T09:59:13.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "112"
      ],
      "favorite_count" : "1",
      "id_str" : "1382989446896552694",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1382989446896552694",
      "created_at" : "Fri Apr 16 09:29:13 +0000 2021",
      "favorited" : false,
      "full_text" : "Puffins are back!! Spotted the first three on the west stack this morning, looking very pleased with themselves.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1381509023659607053"
          ],
          "editableUntil" : "2021-04-12T07:56:33.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "51"
      ],
      "favorite_count" : "2",
      "id_str" : "1381509023659607053",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1381509023659607053",
      "created_at" : "Mon Apr 12 07:26:33 +0000 2021",
      "favorited" : false,
      "full_text" : "Four seasons before 9am. Spring on Skerra is a lot.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1380836183864391835"
          ],
          "editableUntil" : "2021-04-10T11:22:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "42"
      ],
      "favorite_count" : "1",
      "id_str" : "1380836183864391835",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1380836183864391835",
      "created_at" : "Sat Apr 10 10:52:55 +0000 2021",
      "favorited" : false,
      "full_text" : "Wind: W 6, gusting 7. Sea: rough. Hat: on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1379805813970709943"
          ],
          "editableUntil" : "2021-04-07T15:08:36.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "4",
      "id_str" : "1379805813970709943",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1379805813970709943",
      "created_at" : "Wed Apr 07 14:38:36 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #2: 'fog'. There was fog. I'll allow it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1377921948568914427"
          ],
          "editableUntil" : "2021-04-02T10:22:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Isla Fraser 🍞",
            "screen_name" : "IslaBakesBread",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "935118872",
            "id" : "935118872"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "2",
      "id_str" : "1377921948568914427",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1377921948568914427",
      "created_at" : "Fri Apr 02 09:52:47 +0000 2021",
      "favorited" : false,
      "full_text" : "@IslaBakesBread Ooh that crumb! What hydration are you using? Gloria's sulking at 75%.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1377889736099375853",
      "in_reply_to_status_id" : "1377889736099375853",
      "in_reply_to_user_id" : "935118872",
      "in_reply_to_user_id_str" : "935118872",
      "in_reply_to_screen_name" : "IslaBakesBread"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1377195979054570667"
          ],
          "editableUntil" : "2021-03-31T10:18:03.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "59"
      ],
      "favorite_count" : "1",
      "id_str" : "1377195979054570667",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1377195979054570667",
      "created_at" : "Wed Mar 31 09:48:03 +0000 2021",
      "favorited" : false,
      "full_text" : "Wind: N 5. Sea: moderate. Hat: on. Lamp's off, kettle's on.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1376289097006848093"
          ],
          "editableUntil" : "2021-03-28T22:14:25.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Skerra Island Shop",
            "screen_name" : "morags_shop",
            "indices" : [
              "3",
              "15"
            ],
            "id_str" : "4012277365",
            "id" : "4012277365"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "129"
      ],
      "favorite_count" : "0",
      "id_str" : "1376289097006848093",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1376289097006848093",
      "created_at" : "Sun Mar 28 21:44:25 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @morags_shop: Delivery is in! Bread flour, milk, eggs, oat milk (yes, really), and the good biscuits. First come first served.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1376171853113525128"
          ],
          "editableUntil" : "2021-03-28T14:28:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "113"
      ],
      "favorite_count" : "1",
      "id_str" : "1376171853113525128",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1376171853113525128",
      "created_at" : "Sun Mar 28 13:58:32 +0000 2021",
      "favorited" : false,
      "full_text" : "Garden update: the potatoes survived the storm, the kale survived the storm, the fence did not survive the storm.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1376094179079689644"
          ],
          "editableUntil" : "2021-03-28T09:19:53.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "25",
      "id_str" : "1376094179079689644",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1376094179079689644",
      "created_at" : "Sun Mar 28 08:49:53 +0000 2021",
      "favorited" : false,
      "full_text" : "Polished the brass in the lamp room till I could see my face in it. Regretted seeing my face in it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1375027876255790883"
          ],
          "editableUntil" : "2021-03-25T10:42:47.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "111"
      ],
      "favorite_count" : "1",
      "id_str" : "1375027876255790883",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1375027876255790883",
      "created_at" : "Thu Mar 25 10:12:47 +0000 2021",
      "favorited" : false,
      "full_text" : "…some days a sulking dog, some days a racehorse, some days a cat that wants to be left alone. Today: racehorse.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1375027364520972873"
          ],
          "editableUntil" : "2021-03-25T10:40:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "131"
      ],
      "favorite_count" : "87",
      "id_str" : "1375027364520972873",
      "truncated" : false,
      "retweet_count" : "13",
      "id" : "1375027364520972873",
      "created_at" : "Thu Mar 25 10:10:45 +0000 2021",
      "favorited" : false,
      "full_text" : "The thing about watching the sea every day for ten years is you stop seeing it as one thing. It's a different animal every morning…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1374370370427954004"
          ],
          "editableUntil" : "2021-03-23T15:10:05.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "98"
      ],
      "favorite_count" : "1",
      "id_str" : "1374370370427954004",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1374370370427954004",
      "created_at" : "Tue Mar 23 14:40:05 +0000 2021",
      "favorited" : false,
      "full_text" : "The new ferry timetable has been published. I've framed it. As a work of fiction it's very moving.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1374307828894200669"
          ],
          "editableUntil" : "2021-03-23T11:01:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "2",
      "id_str" : "1374307828894200669",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1374307828894200669",
      "created_at" : "Tue Mar 23 10:31:34 +0000 2021",
      "favorited" : false,
      "full_text" : "Ferry excuse ledger, entry #1: waiting for the fuel lorry, which was waiting for the ferry.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1371881919202302984"
          ],
          "editableUntil" : "2021-03-16T18:21:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "118"
      ],
      "favorite_count" : "1",
      "id_str" : "1371881919202302984",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1371881919202302984",
      "created_at" : "Tue Mar 16 17:51:52 +0000 2021",
      "favorited" : false,
      "full_text" : "Barnacle has brought me a crab. A live crab. Into the kitchen. At 5am. Assistant Keeper Barnacle is on a disciplinary.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1369747215832416322"
          ],
          "editableUntil" : "2021-03-10T20:59:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Isla Fraser 🍞",
            "screen_name" : "IslaBakesBread",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "935118872",
            "id" : "935118872"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1369747215832416322",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1369747215832416322",
      "created_at" : "Wed Mar 10 20:29:19 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @IslaBakesBread: Sourdough tip: your starter isn't dead, it's just sulking. Feed it twice a day somewhere warm for three days before you…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1368688454234575898"
          ],
          "editableUntil" : "2021-03-07T22:52:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "110"
      ],
      "favorite_count" : "1",
      "id_str" : "1368688454234575898",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1368688454234575898",
      "created_at" : "Sun Mar 07 22:22:11 +0000 2021",
      "favorited" : false,
      "full_text" : "Watched a train of those Starlink satellites go over, like a procession of ants. Not sure how I feel about it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1366876125403645121"
          ],
          "editableUntil" : "2021-03-02T22:50:38.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "136"
      ],
      "favorite_count" : "3",
      "id_str" : "1366876125403645121",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1366876125403645121",
      "created_at" : "Tue Mar 02 22:20:38 +0000 2021",
      "favorited" : false,
      "full_text" : "Spring clean of the lamp room: found a 1970s logbook behind the cupboard. Entry for 3rd March 1974: 'Gale. Ferry late.' Nothing changes.",
      "lang" : "en"
    }
  }
]
